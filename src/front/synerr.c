/* synerr.c: syntax errors in the words of the policy: what was expected,
   what was found, and a hint for the usual slips (a reserved word used as a
   name, a branch with no `when`, an unclosed parenthesis, ...). The parser
   says what it knew (SynErr); this module rescans the text near the error
   to quote the tokens around it. */
#include <limits.h>
#include <string.h>
#include "parse.h"
#include "parser.h"

/* A token of the source found by the light scanner below (for messages only). */
typedef struct Tok {
    const char *s, *e;
    Loc loc;
} Tok;

/* Skip blanks and comments from *pp, counting lines and columns. False at the end. */
static bool skip_blank(const char **pp, const char *end, int *line, int *col)
{
    const char *p = *pp;
    for (;;) {
        if (p >= end) {
            *pp = p;
            return false;
        }
        if (*p == '\n') {
            (*line)++;
            *col = 1;
            p++;
        } else if (*p == ' ' || *p == '\t' || *p == '\r') {
            (*col)++;
            p++;
        } else if (*p == '#') {
            while (p < end && *p != '\n')
                p++;
        } else {
            *pp = p;
            return true;
        }
    }
}

/* Whether c can be part of a word. */
static bool word_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The end of the token that starts at p. */
static const char *token_end(const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (c == '"') {
        for (p++; p < end && *p != '"' && *p != '\n'; p++)
            if (*p == '\\' && p + 1 < end && p[1] != '\n')
                p++;
        return p < end && *p == '"' ? p + 1 : p;
    }
    if (word_char((char)c)) {
        bool digits = c >= '0' && c <= '9';
        while (p < end && (word_char(*p) || (digits && (*p == '-' || *p == '.'))))
            p++;
        return p;
    }
    if (p + 1 < end && strchr("!<>=&|", c) && (p[1] == '=' || p[1] == (char)c))
        return p + 2;
    for (p++; p < end && ((unsigned char)*p & 0xC0) == 0x80; p++)
        ;
    return p;
}

/* Scan the next token from *pp, counting lines and columns as the real scanner does. */
static bool scan_tok(const char **pp, const char *end, int *line, int *col, Tok *t)
{
    if (!skip_blank(pp, end, line, col))
        return false;
    t->s = *pp;
    t->e = token_end(t->s, end);
    t->loc.line = t->loc.end_line = *line;
    t->loc.col = *col;
    *col += loc_width(t->s, (size_t)(t->e - t->s));
    t->loc.end_col = *col;
    *pp = t->e;
    return true;
}

/* The last token that starts before loc. */
static bool tok_before(Parser *P, const Loc *loc, Tok *out)
{
    const char *p = P->file->text, *end = P->file->text + P->file->len;
    int line = 1, col = 1;
    bool got = false;
    Tok t;
    while (scan_tok(&p, end, &line, &col, &t) && loc_before(t.loc.line, t.loc.col, loc->line, loc->col)) {
        *out = t;
        got = true;
    }
    return got;
}

/* The first token that starts at or after the end of loc. */
static bool tok_after(Parser *P, const Loc *loc, Tok *out)
{
    const char *p = P->file->text, *end = P->file->text + P->file->len;
    int line = 1, col = 1;
    while (scan_tok(&p, end, &line, &col, out))
        if (!loc_before(out->loc.line, out->loc.col, loc->end_line, loc->end_col))
            return true;
    return false;
}

/* Report a syntax error: msg, with hint or else one for the usual causes. */
void synerr_at(Parser *P, const Loc *loc, const char *msg, const char *hint)
{
    if (!hint && (strstr(msg, "found the name") || (!strncmp(msg, "the name", 8) && strstr(msg, "not expected"))))
        hint = "two names in a row: is an operator such as `and`, `or` or `=` missing?";
    else if (!hint && strstr(msg, "found `when`"))
        hint = "a branch reads `VALUE when CONDITION`; is the value missing?";
    diag_error(P->diags, P->file, *loc, hint, "%s", msg);
    P->errors++;
}

/* Report a reserved word written where a name is wanted. */
static void reserved_word(Parser *P, const Loc *loc, const char *word, int n)
{
    char msg[160], hint[160];
    snprintf(msg, sizeof msg, "`%.*s` is a reserved word of qpl and cannot be used as a name", n, word);
    snprintf(hint, sizeof hint, "choose another name, e.g. `%.*s_value`", n, word);
    synerr_at(P, loc, msg, hint);
}

/* What a syntax error found, with the text of names, numbers and dates. */
static void found_text(Parser *P, const SynErr *e, char *buf, size_t size)
{
    Loc at = e->loc;
    at.end_col = at.col;
    at.end_line = at.line;
    Tok ft;
    if (e->found_what && tok_after(P, &at, &ft) && ft.loc.line == e->loc.line && ft.loc.col == e->loc.col)
        snprintf(buf, size, "%s `%.*s`", e->found_what, (int)(ft.e - ft.s > 60 ? 60 : ft.e - ft.s), ft.s);
    else
        snprintf(buf, size, "%s", e->found);
}

/* Whether a token's text is the word w. */
static bool tok_is(const Tok *t, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(t->e - t->s) == n && !memcmp(t->s, w, n);
}

/* `3 or more` (or `or fewer`, `or less`), as people write thresholds; true when reported. */
static bool n_or_more(Parser *P, const SynErr *e, const Tok *prev)
{
    Tok word, num;
    if (!tok_is(prev, "or") || !tok_after(P, &prev->loc, &word) || word.loc.line != e->loc.line ||
        word.loc.col != e->loc.col || !(tok_is(&word, "more") || tok_is(&word, "fewer") || tok_is(&word, "less")) ||
        !tok_before(P, &prev->loc, &num) || num.s[0] < '0' || num.s[0] > '9')
        return false;
    bool more = tok_is(&word, "more");
    int nl = (int)(num.e - num.s > 20 ? 20 : num.e - num.s);
    Loc at = num.loc;
    at.end_line = word.loc.end_line;
    at.end_col = word.loc.end_col;
    synerr_at(P, &at,
              arena_printf(P->arena, "`%.*s or %.*s` is written `%s %.*s` in qpl", nl, num.s, (int)(word.e - word.s), word.s,
                           more ? ">=" : "<=", nl, num.s),
              arena_printf(P->arena, "compare with `%s`: e.g. `alerts %s %.*s`", more ? ">=" : "<=", more ? ">=" : "<=", nl, num.s));
    return true;
}

/* A unit word (days, months, ...) where a name is wanted; true when reported. */
static bool unit_as_name(Parser *P, const SynErr *e)
{
    if (strncmp(e->found, "a unit", 6) != 0)
        return false;
    Loc at = e->loc;
    at.end_col = at.col;
    at.end_line = at.line;
    Tok w, colon;
    if (!tok_after(P, &at, &w))
        return false;
    bool field = tok_after(P, &w.loc, &colon) && tok_is(&colon, ":");     /* `month: date` */
    if (!e->wants_name && !field)
        return false;
    int n = (int)(w.e - w.s > 40 ? 40 : w.e - w.s);
    synerr_at(P, &e->loc, arena_printf(P->arena, "`%.*s` is a unit of time in qpl and cannot be a name", n, w.s),
              arena_printf(P->arena, "to bind a column called %.*s, give the field another name and the column's: "
                                     "`period: date column \"%.*s\"`", n, w.s, n, w.s));
    return true;
}

/* A decision's value followed by neither `when` nor `otherwise`; true when reported. */
static bool branch_without_when(Parser *P, const SynErr *e, const Loc *here)
{
    if (!(e->wants_when && e->wants_otherwise && P->cur && P->cur->kind == D_DECIDE &&
          (e->at_eof || e->found_keyword || e->found_word)))
        return false;
    Vec *bs = &P->cur->u.dec.branches;
    Loc after = bs->n ? ((Branch *)bs->v[bs->n - 1])->loc : P->cur->loc;
    Tok st;
    if (!tok_after(P, &after, &st) || !loc_before(st.loc.line, st.loc.col, here->line, here->col))
        return false;
    if (bs->n == 0 && (e->at_eof || e->loc.line > st.loc.line)) {
        const char *msg = arena_printf(P->arena, "expected `=` before the value of decision `%s`", P->cur->name);
        synerr_at(P, &st.loc, msg,
                  "a decision with one value reads `= VALUE`; a decision with branches reads "
                  "`VALUE when CONDITION` on each line and `VALUE otherwise` last");
    } else {
        const char *msg = arena_printf(P->arena, "this branch of decision `%s` has no `when` or `otherwise`", P->cur->name);
        synerr_at(P, &st.loc, msg, "each branch reads `VALUE when CONDITION`, and the last one `VALUE otherwise`");
    }
    return true;
}

/* The errors that point just after the last good token: a missing `else`, an
   unclosed `(`, an item left incomplete. True when one of them was reported. */
static bool incomplete(Parser *P, const SynErr *e, const char *ftext, bool have_prev, const Tok *prev, const Loc *eloc)
{
    char buf[400], hint[200];
    int plen = (int)(prev->e - prev->s);
    bool short_prev = have_prev && plen <= 40;
    if (e->wants_else && short_prev) {
        snprintf(buf, sizeof buf, "expected `else` after `%.*s`, found %s", plen, prev->s, ftext);
        synerr_at(P, eloc, buf, "`if` needs both parts: `if CONDITION then VALUE else OTHER_VALUE`");
        return true;
    }
    if (e->wants_close && (e->at_eof || e->starts_item)) {
        if (short_prev)
            snprintf(buf, sizeof buf, "a `(` is not closed: expected `)` after `%.*s`, found %s", plen, prev->s, ftext);
        else
            snprintf(buf, sizeof buf, "a `(` is not closed: expected `)` before %s", ftext);
        synerr_at(P, eloc, buf, "every `(` needs a matching `)`");
        return true;
    }
    if (e->starts_item && e->nexpected >= 6 && short_prev) {
        snprintf(buf, sizeof buf, "%s starts a new item, but the one before it is not complete", ftext);
        snprintf(hint, sizeof hint, "something is missing after `%.*s`", plen, prev->s);
        synerr_at(P, eloc, buf, hint);
        return true;
    }
    return false;
}

/* The general message: the few tokens expected, or what is not expected here. */
static void expected_message(Parser *P, const SynErr *e, const char *ftext, bool have_prev, const Tok *prev, const Loc *eloc)
{
    char buf[400], hint[200];
    size_t len = 0;
    const char *h = NULL;
    int plen = (int)(prev->e - prev->s);
    bool short_prev = have_prev && plen <= 40;
    if (e->nexpected > 0 && e->nexpected < 6) {
        len += (size_t)snprintf(buf, sizeof buf, "expected ");
        for (int i = 0; i < e->nexpected && len < sizeof buf; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                                    i == 0 ? "" : i == e->nexpected - 1 ? " or " : ", ", e->expected[i]);
        if (len < sizeof buf && short_prev)
            len += (size_t)snprintf(buf + len, sizeof buf - len, " after `%.*s`", plen, prev->s);
        if (len < sizeof buf)
            snprintf(buf + len, sizeof buf - len, ", found %s", ftext);
        if (e->at_eof)
            h = "the file ends before this item is complete";
    } else if (e->at_eof) {
        snprintf(buf, sizeof buf, "the file ends before this item is complete");
        if (short_prev) {
            snprintf(hint, sizeof hint, "something is missing after `%.*s`", plen, prev->s);
            h = hint;
        }
    } else if (e->wants_value && short_prev) {
        snprintf(buf, sizeof buf, "expected a value or a condition after `%.*s`, found %s", plen, prev->s, ftext);
    } else {
        snprintf(buf, sizeof buf, "%s is not expected here", ftext);
    }
    synerr_at(P, eloc, buf, h);
}

/* Report a syntax error in the words of the policy: what was expected, what was found. */
void synerr_report(Parser *P, const SynErr *e)
{
    if (diag_full(P->diags)) {
        /* past the error limit nothing is shown: count it, but skip the analysis, which rescans the file */
        synerr_at(P, &e->loc, "syntax error", NULL);
        return;
    }
    char ftext[120];
    found_text(P, e, ftext, sizeof ftext);
    Loc here = e->loc;  /* at the end of the file, the scanner's location is stale */
    if (e->at_eof)
        here.line = here.end_line = here.col = here.end_col = INT_MAX;
    Tok prev = {"", "", {0, 0, 0, 0}};
    bool have_prev = tok_before(P, &here, &prev);
    /* `latest.overall`: a reserved word used as a name, followed by a field */
    if (!strcmp(e->found, "`.`") && have_prev && prev.loc.line == e->loc.line && prev.loc.end_col == e->loc.col &&
        parse_is_keyword(prev.s, (size_t)(prev.e - prev.s))) {
        reserved_word(P, &prev.loc, prev.s, (int)(prev.e - prev.s));
        return;
    }
    /* `let latest = ...`: a reserved word where only a name can go */
    if (e->wants_name && !e->wants_value && e->found_keyword) {
        reserved_word(P, &e->loc, e->found + 1, (int)strlen(e->found) - 2);
        return;
    }
    if ((have_prev && n_or_more(P, e, &prev)) || unit_as_name(P, e))
        return;
    if (branch_without_when(P, e, &here))
        return;
    /* when the error shows only on a later line, point just after the last good token */
    Loc eloc = e->loc;
    if (have_prev && (e->at_eof || e->loc.line > prev.loc.line)) {
        eloc = prev.loc;
        eloc.col = prev.loc.end_col;
        eloc.end_col = eloc.col + 1;
    }
    if (!incomplete(P, e, ftext, have_prev, &prev, &eloc))
        expected_message(P, e, ftext, have_prev, &prev, &eloc);
}
