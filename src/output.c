/* output.c: renders decisions as JSON Lines, CSV or aligned tables. Results
   arrive subject by subject; they are spooled per decision (jsonl, csv) or per
   subject kind (table) in temporary files so memory stays bounded. */
#include <stdlib.h>
#include <string.h>
#include "output.h"

typedef struct Spool {
    FILE *f;
    int *width;             /* table: column widths */
    int rows;
} Spool;

struct Output {
    Program *p;
    Format fmt;
    bool explain;
    Spool *by_decision;     /* jsonl, csv: one per program output */
    Spool *by_section;      /* table */
    const char *subject;    /* only this kind of subject is shown */
    Arena *a;
};

/* Create a collector of program p's decisions, to be written in format fmt. */
Output *output_new(Program *p, Format fmt, bool explain)
{
    Output *o = calloc(1, sizeof *o);
    o->p = p;
    o->fmt = fmt;
    o->explain = explain;
    o->a = arena_new();
    o->by_decision = calloc((size_t)p->outputs.n + 1, sizeof *o->by_decision);
    o->by_section = calloc((size_t)p->sections.n + 1, sizeof *o->by_section);
    return o;
}

/* Show only subjects of one kind (NULL: every kind). */
void output_only(Output *o, const char *subject)
{
    o->subject = subject;
}

/* Close the spool files of an output and free it. */
void output_free(Output *o)
{
    for (int i = 0; i < o->p->outputs.n; i++)
        if (o->by_decision[i].f)
            fclose(o->by_decision[i].f);
    for (int i = 0; i < o->p->sections.n; i++) {
        if (o->by_section[i].f)
            fclose(o->by_section[i].f);
        free(o->by_section[i].width);
    }
    free(o->by_decision);
    free(o->by_section);
    arena_free(o->a);
    free(o);
}

/* Append s to buf as a JSON string. */
static const char *jstr(Arena *a, const char *s)
{
    return value_json(a, v_text(s ? s : ""));
}

/* One decision as a JSON Lines record (without newline) in arena a; why adds its `because`. */
const char *output_jsonl(Arena *a, Program *p, Section *s, const char *id, Decl *d, Value v, Explain *why)
{
    const char *pol = p->policy ? p->policy->name : "";
    const char *parts[16];
    int n = 0;
    parts[n++] = "{\"policy\":";
    parts[n++] = jstr(a, pol);
    parts[n++] = ",\"subject\":";
    parts[n++] = jstr(a, s->rec->name);
    parts[n++] = ",\"id\":";
    parts[n++] = jstr(a, id);
    parts[n++] = ",\"decision\":";
    parts[n++] = jstr(a, d->name);
    parts[n++] = ",\"value\":";
    parts[n++] = value_json(a, v);
    if (v.k == V_MISSING) {
        parts[n++] = ",\"reason\":";
        parts[n++] = jstr(a, v.u.why);
    }
    if (why) {
        const char *facts = "[";
        for (int i = 0; i < why->facts.n; i++)
            facts = arena_printf(a, "%s%s%s", facts, i ? "," : "", jstr(a, why->facts.v[i]));
        parts[n++] = arena_printf(a, ",\"because\":{\"branch\":%s,\"cite\":%s,\"facts\":%s]}",
                                  why->branch ? jstr(a, why->branch) : "null", why->cite ? jstr(a, why->cite) : "null",
                                  facts);
    }
    parts[n++] = "}";
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += strlen(parts[i]);
    char *out = arena_alloc(a, len + 1), *q = out;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(parts[i]);
        memcpy(q, parts[i], l);
        q += l;
    }
    *q = 0;
    return out;
}

/* A CSV field, quoted when needed. */
static const char *csv_field(Arena *a, const char *s)
{
    if (!strpbrk(s, ",\"\n\r"))
        return s;
    size_t n = strlen(s);
    char *out = arena_alloc(a, 2 * n + 3);
    size_t j = 0;
    out[j++] = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            out[j++] = '"';
        out[j++] = s[i];
    }
    out[j++] = '"';
    out[j] = 0;
    return out;
}

/* Index of d among the program's outputs. */
static int out_index(Program *p, Decl *d)
{
    for (int i = 0; i < p->outputs.n; i++)
        if (p->outputs.v[i] == d)
            return i;
    return 0;
}

/* Index of s among the program's sections. */
static int sect_index(Program *p, Section *s)
{
    for (int i = 0; i < p->sections.n; i++)
        if (p->sections.v[i] == s)
            return i;
    return 0;
}

/* Display width of a UTF-8 string. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* Spool one decision of a subject: a table cell, or a jsonl or csv line (run_policy's EmitFn). */
void output_emit(void *ctx, Section *s, Row *row, Decl *d, Value v, Explain *why)
{
    Output *o = ctx;
    arena_reset(o->a);
    const char *id = row && row->key ? row->key : row ? arena_printf(o->a, "%lld", (long long)row->rowid) : "?";
    if (o->fmt == FMT_TABLE) {
        int si = sect_index(o->p, s);
        Spool *sp = &o->by_section[si];
        if (!sp->f) {
            sp->f = tmpfile();
            sp->width = calloc((size_t)s->outputs.n + 2, sizeof *sp->width);
            sp->width[0] = width(s->rec->name) > 2 ? width(s->rec->name) : 2;
            for (int i = 0; i < s->outputs.n; i++)
                sp->width[i + 1] = width(((Decl *)s->outputs.v[i])->name);
        }
        int col = 0;
        for (int i = 0; i < s->outputs.n; i++)
            if (s->outputs.v[i] == d)
                col = i;
        if (col == 0) {
            fprintf(sp->f, "%s\x1f", id);
            if (width(id) > sp->width[0])
                sp->width[0] = width(id);
            sp->rows++;
        }
        const char *t = v.k == V_DATE ? arena_strndup(o->a, value_json(o->a, v) + 1, 10) : value_text(o->a, v); /* a date unquoted */
        if (o->explain && why && why->cite)
            t = arena_printf(o->a, "%s [%s]", t, why->cite);
        fprintf(sp->f, "%s%s", t, col == s->outputs.n - 1 ? "\n" : "\x1f");
        if (width(t) > sp->width[col + 1])
            sp->width[col + 1] = width(t);
        return;
    }
    Spool *sp = &o->by_decision[out_index(o->p, d)];
    if (!sp->f)
        sp->f = tmpfile();
    if (o->fmt == FMT_JSONL) {
        fputs(output_jsonl(o->a, o->p, s, id, d, v, o->explain ? why : NULL), sp->f);
        fputc('\n', sp->f);
    } else {
        const char *val = v.k == V_MISSING ? "" : v.k == V_TEXT || v.k == V_CODE || v.k == V_DATE ? value_text(o->a, v) : value_json(o->a, v);
        if (v.k == V_DATE) {
            char b[16];
            date_format(v.u.d, b);
            val = arena_strdup(o->a, b);
        }
        fprintf(sp->f, "%s,%s,%s,%s,%s,%s", csv_field(o->a, o->p->policy ? o->p->policy->name : ""),
                csv_field(o->a, s->rec->name), csv_field(o->a, id), csv_field(o->a, d->name), csv_field(o->a, val),
                csv_field(o->a, v.k == V_MISSING ? v.u.why : ""));
        if (o->explain)
            fprintf(sp->f, ",%s", csv_field(o->a, why && why->cite ? why->cite : ""));
        fputc('\n', sp->f);
    }
}

/* Copy a spool file to out. */
static void drain(FILE *f, FILE *out)
{
    if (!f)
        return;
    rewind(f);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, out);
}

/* Print a cell padded to w columns. */
static void cell(FILE *out, const char *s, int len, int w, bool last)
{
    fwrite(s, 1, (size_t)len, out);
    if (!last) {
        int sw = 0;
        for (int i = 0; i < len; i++)
            if (((unsigned char)s[i] & 0xC0) != 0x80)
                sw++;
        for (int i = sw; i < w + 2; i++)
            fputc(' ', out);
    }
}

/* Write the spooled decisions to out: by decision (jsonl, csv), or one table per subject kind. */
void output_finish(Output *o, FILE *out)
{
    Program *p = o->p;
    if (o->fmt == FMT_CSV)
        fprintf(out, "policy,subject,id,decision,value,reason%s\n", o->explain ? ",cite" : "");
    if (o->fmt != FMT_TABLE) {
        for (int i = 0; i < p->outputs.n; i++)
            drain(o->by_decision[i].f, out);
        return;
    }
    bool first = true;
    for (int si = 0; si < p->sections.n; si++) {
        Section *s = p->sections.v[si];
        Spool *sp = &o->by_section[si];
        if (o->subject && strcmp(o->subject, s->rec->name))
            continue;
        if (!first)
            fputc('\n', out);
        first = false;
        if (!sp->f) {
            fprintf(out, "%s: no %s subjects as of this date\n", p->policy ? p->policy->name : "policy", s->rec->name);
            continue;
        }
        fprintf(out, "%s: %d %s subject%s\n", p->policy ? p->policy->name : "policy", sp->rows, s->rec->name,
                sp->rows == 1 ? "" : "s");
        int n = s->outputs.n + 1;
        cell(out, s->rec->name, (int)strlen(s->rec->name), sp->width[0], false);
        for (int i = 0; i < s->outputs.n; i++) {
            const char *h = ((Decl *)s->outputs.v[i])->name;
            cell(out, h, (int)strlen(h), sp->width[i + 1], i == s->outputs.n - 1);
        }
        fputc('\n', out);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < sp->width[i]; k++)
                fputc('-', out);
            if (i < n - 1)
                fputs("  ", out);
        }
        fputc('\n', out);
        rewind(sp->f);
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        while ((len = getline(&line, &cap, sp->f)) > 0) {
            if (line[len - 1] == '\n')
                line[--len] = 0;
            int col = 0;
            char *c = line;
            for (;;) {
                char *e = strchr(c, '\x1f');
                int l = e ? (int)(e - c) : (int)strlen(c);
                cell(out, c, l, sp->width[col], !e);
                if (!e)
                    break;
                c = e + 1;
                col++;
            }
            fputc('\n', out);
        }
        free(line);
    }
}
