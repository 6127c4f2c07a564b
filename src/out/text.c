/* text.c: the text view for people, the default on a terminal: a block per
   subject under its name, each decision by its display label with its value
   in words ("overdue since 12 Dec 2024", "due in 5 working days, 8 Jan
   2025"), reasons under values that are unknown or do not apply, and with
   --explain why each value is what it is. Fits the width given (80 columns
   by default); RAG values are coloured when colour is on. */
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "because.h"
#include "people.h"
#include "render.h"
#include "text.h"
#include "vtext.h"

enum { LABEL_MAX = 30, INDENT = 2, WHY_TAG = 8 };

typedef struct Text {
    Renderer r;
    Sb out, tmp;
    Arena *a;
    int label_w;            /* the width of the labels of the current section */
    int count;              /* subjects of the current section */
    const Section *sect;
} Text;

/* The end of the word at p (p at its first character). */
static const char *word_end(const char *p)
{
    while (*p && *p != ' ')
        p++;
    return p;
}

/* The end of the unbreakable run of words at p: "name = value" stays on one line. */
static const char *chunk_end(const char *p)
{
    const char *e = word_end(p);
    for (;;) {
        bool eq_before = e - p >= 1 && e[-1] == '=' && (e - p == 1 || e[-2] == ' ');
        const char *n = e;
        while (*n == ' ')
            n++;
        if (!*n)
            return e;
        const char *ne = word_end(n);
        if (!(eq_before || (ne - n == 1 && *n == '=')))
            return e;
        e = ne;
    }
}

/* Append text wrapped to the width (the first word goes where col is);
   continuation lines are indented by indent. Characters that would break a
   line or command a terminal are written as escapes (sb_put_visible). */
static void wrapped(Sb *out, const char *text, int col, int indent, int width)
{
    Sb esc = SB_INIT;
    if (sb_needs_escape(text, strlen(text))) {
        sb_put_visible(&esc, text, strlen(text));
        text = sb_str(&esc);
    }
    bool first = true;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = chunk_end(p);
        int len = loc_width(p, (size_t)(e - p));
        if (!first && col + 1 + len > width) {
            sb_putc(out, '\n');
            for (int i = 0; i < indent; i++)
                sb_putc(out, ' ');
            col = indent;
        } else if (!first) {
            sb_putc(out, ' ');
            col++;
        }
        sb_putn(out, p, (size_t)(e - p));
        col += len;
        first = false;
        p = e;
    }
    sb_free(&esc);
}

/* Say how many subjects the section had. */
static void close_section(Text *t)
{
    if (!t->sect)
        return;
    if (t->count == 0 && !t->r.info.bare)
        fprintf(t->r.out, "\nno %s subjects\n", t->sect->rec->name);
}

/* A section starts: its labels' width. */
static void text_section(Renderer *r, const Section *s)
{
    Text *t = (Text *)r;
    close_section(t);
    t->sect = s;
    t->count = 0;
    t->label_w = 0;
    for (int i = 0; i < s->outputs.n; i++) {
        const char *l = people_label(t->a, s->outputs.v[i]);
        int w = loc_width(l, strlen(l));
        if (w > t->label_w)
            t->label_w = w;
    }
    if (t->label_w > LABEL_MAX)
        t->label_w = LABEL_MAX;
    arena_reset(t->a);
}

/* A subject's heading: its kind and id, and its name when its record has one. */
static void text_subject(Renderer *r, const Subject *s)
{
    Text *t = (Text *)r;
    t->count++;
    sb_clear(&t->tmp);
    people_subject(&t->tmp, s);
    sb_clear(&t->out);
    wrapped(&t->out, sb_str(&t->tmp), 0, 2, r->info.width);
    fprintf(r->out, "%s%s\n", r->info.bare ? "" : "\n", sb_str(&t->out));
}

/* Start the text view with its title (wrapped) and the as-of date. */
static Renderer *text_begin(FILE *out, const RenderInfo *info)
{
    Text *t = render_alloc(sizeof *t, out, info);
    if (t->r.info.width < 40)
        t->r.info.width = 80;
    t->a = arena_new();
    const Decl *pol = info->p->policy;
    const char *title = !pol ? "qpl" : pol->u.policy.title ? arena_printf(t->a, "%s (%s)", pol->u.policy.title, pol->name)
                                                           : pol->name;
    if (info->bare)
        return &t->r;
    wrapped(&t->out, title, 0, 0, t->r.info.width);
    sb_puts(&t->out, "\nas of ");
    vtext_date(&t->out, info->as_of);
    fprintf(out, "%s\n", sb_str(&t->out));
    return &t->r;
}

/* Whether colour applies to a value: a code named red, amber or green. */
static const char *colour_of(const RenderInfo *info, Value v)
{
    const char *rag = info->color ? people_rag(v) : NULL;
    return !rag ? NULL : !strcmp(rag, "red") ? "\033[31m" : !strcmp(rag, "amber") ? "\033[33m" : "\033[32m";
}

/* One line of an explanation: its tag, then text wrapped under the text. */
static void why_line(Sb *out, const char *tag, const char *text, int indent, int width)
{
    int col = indent + WHY_TAG;
    sb_printf(out, "%*s%-*s", indent, "", WHY_TAG, tag);
    wrapped(out, text, col, col + 2, width);
    sb_putc(out, '\n');
}

/* The lines that say why a value is what it is: the conditions that decided
   it (or the branch, unless the value is missing: its reason says why), the
   citation, the facts a row per line, the decisions used. */
void text_why(Sb *out, Arena *a, Value v, const Explain *why, const Decl *d, int indent, int width)
{
    Because w = because_words(a, why, d);
    for (int i = 0; i < w.nheld; i++)
        why_line(out, i ? "" : "because", w.held[i], indent, width);
    if (!w.nheld && w.branch && v.k != V_MISSING)
        why_line(out, "because", w.branch, indent, width);
    if (w.cite)
        why_line(out, "cite", w.cite, indent, width);
    for (int i = 0; i < w.nfacts; i++)
        why_line(out, i ? "" : "facts", w.facts[i], indent, width);
    for (int i = 0; i < w.nused; i++)
        why_line(out, i ? "" : "uses", w.used[i], indent, width);
    if (why->dropped)
        why_line(out, "", arena_printf(a, "(and %d more not listed)", why->dropped), indent, width);
}

/* One decision: its label, its value in words (wrapped), and why. */
static void text_decision(Renderer *r, const Subject *s, const Result *res)
{
    (void)s;
    Text *t = (Text *)r;
    arena_reset(t->a);
    sb_clear(&t->out);
    const char *l = people_label(t->a, res->d);
    sb_printf(&t->out, "%*s%s", INDENT, "", l);
    int col = INDENT + loc_width(l, strlen(l));
    int vcol = INDENT + t->label_w + 2;
    if (col + 2 > vcol) {
        sb_putc(&t->out, '\n');
        col = 0;
    }
    sb_printf(&t->out, "%*s", vcol - col, "");
    sb_clear(&t->tmp);
    people_value(&t->tmp, &r->info, res);
    const char *colour = colour_of(&r->info, res->v);
    if (colour)
        sb_puts(&t->out, colour);
    wrapped(&t->out, sb_str(&t->tmp), vcol, vcol + 2, r->info.width);
    if (colour)
        sb_puts(&t->out, "\033[0m");
    sb_putc(&t->out, '\n');
    if (r->info.explain)
        text_why(&t->out, t->a, res->v, &res->why, res->d, INDENT + 2, r->info.width);
    fwrite(sb_str(&t->out), 1, t->out.len, r->out);
}

/* The end: say when the last section had no subjects. */
static void text_end(Renderer *r)
{
    close_section((Text *)r);
    fflush(r->out);
}

/* Free the renderer. */
static void text_free(Renderer *r)
{
    Text *t = (Text *)r;
    sb_free(&t->out);
    sb_free(&t->tmp);
    arena_free(t->a);
    free(t);
}

const RenderOps render_text = {"text", text_begin, text_section, text_subject, text_decision, text_end, text_free, NULL, NULL, NULL};
