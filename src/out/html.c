/* html.c: the report for people, one self-contained HTML page that prints
   on A4: inline CSS and SVG, no scripts, nothing fetched. A summary comes
   first (subjects by RAG rating and by stage, the overdue deadlines), then
   the Managed Placements Memo when the policy decides one, then a section
   per subject with each decision's value in words, why, the clause and the
   facts. The summary needs every subject, so subjects are written into
   memory as they come and the page is written at the end. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"
#include "because.h"
#include "people.h"
#include "render.h"
#include "vtext.h"
#include "words.h"

/* ORDER MEMO: the Memo's parts in the order it lists them, by the code of
   the placement_status value that puts a provider there. */
static const struct {
    const char *code, *heading, *rag;
} memo_parts[] = {
    {"not_placing", "RED \u2014 not currently placing", "red"},
    {"restricted", "AMBER \u2014 placing with restrictions", "amber"},
    {"placing", "GREEN \u2014 restrictions removed, SCC now placing", "green"},
};
enum { MEMO_PARTS = sizeof memo_parts / sizeof *memo_parts };

/* The Memo's abbreviations of the service types (words NULL: not in its key). */
static const struct {
    const char *code, *abbr, *words;
} services[] = {
    {"residential", "RC", "Residential Care"},
    {"nursing", "NC", "Nursing Care"},
    {"specialist_residential", "SRC", "Specialist Residential Care"},
    {"domiciliary", "DCA", "Domiciliary Care Agency"},
    {"supported_living", "SL", "Supported Living"},
    {"other", "Other", NULL},
};
enum { SERVICES = sizeof services / sizeof *services };

/* Subjects counted by the value of one decision: a RAG rating or a ladder's stage. */
typedef struct Chart {
    const Decl *d;
    const Section *sect;
    int nvalues;            /* the scale's values */
    int *counts;            /* per value, then unknown, then not applicable */
} Chart;

/* A section of subjects, and how many it had. */
typedef struct Kind {
    const Section *sect;
    int count;
} Kind;

/* An overdue deadline for the summary: its list item, already HTML. */
typedef struct Overdue {
    qdate since;
    const char *item;
} Overdue;

/* A provider on the Memo; texts in the renderer's arena, NULL when not recorded. */
typedef struct MemoRow {
    int part;               /* index in memo_parts */
    const char *id, *area, *service, *name, *address, *contact, *added;
} MemoRow;

typedef struct Html {
    Renderer r;
    Arena *a;               /* what is kept until the end */
    Arena *tmp;             /* one decision's words */
    Sb body;                /* the subjects' sections, written as they come */
    Sb sb;                  /* scratch */
    Vec kinds;              /* Kind* */
    Vec charts;             /* Chart* */
    Vec overdue;            /* Overdue* */
    Vec memo;               /* MemoRow* */
    Vec unplaced;           /* const char*: HTML items of Memo values not determined */
    bool has_memo;          /* the policy decides a placement_status */
    bool in_subject;        /* a subject's table is open in body */
    const char *subject;    /* the current subject's heading, as text */
} Html;

static const char css[] =
    "@page { size: A4; margin: 15mm; }\n"
    "* { box-sizing: border-box; }\n"
    "html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "body { font: 10pt/1.4 \"Helvetica Neue\", Arial, \"Liberation Sans\", sans-serif; color: #111;"
    " max-width: 180mm; margin: 0 auto; padding: 6mm 0; }\n"
    "h1 { font-size: 18pt; margin: 0 0 2mm; }\n"
    "h2 { font-size: 14pt; border-bottom: 2px solid #333; padding-bottom: 1mm; margin: 8mm 0 3mm; }\n"
    "h3 { font-size: 11pt; margin: 5mm 0 2mm; }\n"
    "h2, h3, figcaption { break-after: avoid; }\n"
    "header .meta { margin: 0; color: #333; }\n"
    "table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
    "th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top;"
    " overflow-wrap: break-word; }\n"
    "thead th { background: #e8e8e8; }\n"
    "thead { display: table-header-group; }\n"
    "tr, figure, .memo tbody { break-inside: avoid; }\n"
    "ul { margin: 0; padding-left: 4mm; }\n"
    "td ul { padding-left: 3mm; }\n"
    ".subject { break-inside: avoid; }\n"
    ".decisions { font-size: 8.5pt; }\n"
    ".reason, .tag, .none { color: #444; }\n"
    ".tag { font-style: italic; }\n"
    ".rag { display: inline-block; padding: 0 2mm; border: 1px solid #000; border-radius: 2mm;"
    " font-weight: bold; }\n"
    ".rag-red { background: #c62828; color: #fff; }\n"
    ".rag-amber { background: #f2a900; color: #000; }\n"
    ".rag-green { background: #2e7d32; color: #fff; }\n"
    "figure { margin: 2mm 0 4mm; }\n"
    "figcaption { font-weight: bold; }\n"
    "svg { max-width: 100%; height: auto; font-size: 12px; }\n"
    ".bar { fill: #5b7fb0; stroke: #000; stroke-width: 0.5; }\n"
    ".bar-red { fill: #c62828; } .bar-amber { fill: #f2a900; } .bar-green { fill: #2e7d32; }\n"
    ".bar-none { fill: #bbb; }\n"
    ".counts { list-style: none; padding: 0; margin: 1mm 0 0; }\n"
    ".counts li { display: inline; margin-right: 4mm; }\n"
    ".memo-part { border-left: 3mm solid #000; padding-left: 2mm; }\n"
    ".memo-red { border-color: #c62828; } .memo-amber { border-color: #f2a900; }"
    " .memo-green { border-color: #2e7d32; }\n"
    ".memo .area th { background: #f4f4f4; }\n"
    ".confidential { border: 1px solid #000; padding: 1.5mm 2mm; font-weight: bold; }\n"
    "footer { margin-top: 8mm; border-top: 1px solid #999; padding-top: 2mm; color: #333; font-size: 8.5pt; }\n"
    "@media print { .memo, .subjects { break-before: page; } }\n";

/* Append text with the characters HTML gives a meaning escaped. */
static void esc(Sb *b, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        default: sb_putc(b, *s); break;
        }
}

/* An element holding escaped text: <tag class="cls">text</tag> (cls may be NULL). */
static void elem(Sb *b, const char *tag, const char *cls, const char *text)
{
    sb_printf(b, "<%s", tag);
    if (cls)
        sb_printf(b, " class=\"%s\"", cls);
    sb_putc(b, '>');
    esc(b, text);
    sb_printf(b, "</%s>", tag);
}

/* A date for people, as a string in arena a. */
static const char *date_words(Arena *a, qdate d)
{
    Sb b = SB_INIT;
    vtext_date(&b, d);
    const char *s = sb_arena(&b, a);
    sb_free(&b);
    return s;
}

/* A kind of subject in words, for n of them: "provider", "processes",
   "board members" (in arena a). */
static const char *kind_words(Arena *a, const Record *rec, int n)
{
    const char *name = rec->name;
    size_t len = strlen(name);
    char last = len ? name[len - 1] : 0, before = len > 1 ? name[len - 2] : 0;
    char *s;
    if (n == 1)
        s = arena_strdup(a, name);
    else if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's')))
        s = arena_printf(a, "%ses", name);
    else if (last == 'y' && before && !strchr("aeiou", before))
        s = arena_printf(a, "%.*sies", (int)len - 1, name);
    else
        s = arena_printf(a, "%ss", name);
    for (char *c = s; *c; c++)
        if (*c == '_')
            *c = ' ';
    return s;
}

/* Whether a scale is a RAG rating: every value is named red, amber or green. */
static bool rag_scale(const Decl *scale)
{
    const Vec *v = &scale->u.scale.values;
    for (int i = 0; i < v->n; i++)
        if (!people_rag(v_code(scale, i)))
            return false;
    return v->n > 0;
}

/* Whether a type is the enumeration of Memo positions. */
static bool memo_type(const Type *t)
{
    return t && t->kind == T_CODE && t->scale && !strcmp(t->scale->name, "placement_status");
}

/* Start the report: nothing is written until the end. */
static Renderer *html_begin(FILE *out, const RenderInfo *info)
{
    Html *h = render_alloc(sizeof *h, out, info);
    h->a = arena_new();
    h->tmp = arena_new();
    for (int i = 0; i < info->p->outputs.n; i++)
        if (memo_type(((const Decl *)info->p->outputs.v[i])->type))
            h->has_memo = true;
    return &h->r;
}

/* Close the open subject's table and section. */
static void close_subject(Html *h)
{
    if (h->in_subject)
        sb_puts(&h->body, "</tbody></table></section>\n");
    h->in_subject = false;
}

/* Close the current section of subjects, saying when it had none. */
static void close_kind(Html *h)
{
    close_subject(h);
    if (!h->kinds.n)
        return;
    const Kind *k = h->kinds.v[h->kinds.n - 1];
    if (k->count == 0) {
        sb_puts(&h->body, "<p class=\"none\">No ");
        esc(&h->body, kind_words(h->tmp, k->sect->rec, 0));
        sb_printf(&h->body, " as of %s.</p>\n", date_words(h->tmp, h->r.info.as_of));
    }
}

/* A section starts: its heading, and a chart for each of its RAG ratings and ladders. */
static void html_section(Renderer *r, const Section *s)
{
    Html *h = (Html *)r;
    close_kind(h);
    Kind *k = arena_alloc(h->a, sizeof *k);
    k->sect = s;
    vec_push(h->a, &h->kinds, k);
    for (int i = 0; i < s->outputs.n; i++) {
        const Decl *d = s->outputs.v[i];
        const Decl *scale = d->type && d->type->kind == T_CODE ? d->type->scale : NULL;
        if (!scale || !(d->kind == D_LADDER || rag_scale(scale)))
            continue;
        Chart *c = arena_alloc(h->a, sizeof *c);
        c->d = d;
        c->sect = s;
        c->nvalues = scale->u.scale.values.n;
        c->counts = arena_array(h->a, (size_t)c->nvalues + 2, sizeof *c->counts);
        vec_push(h->a, &h->charts, c);
    }
    sb_puts(&h->body, "<h2>Decisions for each ");
    esc(&h->body, kind_words(h->tmp, s->rec, 1));
    sb_puts(&h->body, "</h2>\n");
}

/* A subject's section: its heading (kind, id and name) and the head of its table. */
static void html_subject(Renderer *r, const Subject *s)
{
    Html *h = (Html *)r;
    close_subject(h);
    if (h->kinds.n)
        ((Kind *)h->kinds.v[h->kinds.n - 1])->count++;
    sb_clear(&h->sb);
    people_subject(&h->sb, s);
    h->subject = sb_arena(&h->sb, h->a);
    sb_puts(&h->body, "<section class=\"subject\">");
    elem(&h->body, "h3", NULL, h->subject);
    sb_puts(&h->body, "\n<table class=\"decisions\"><colgroup>");
    if (r->info.explain)
        sb_puts(&h->body, "<col style=\"width:17%\"><col style=\"width:20%\"><col style=\"width:28%\">"
                          "<col style=\"width:12%\"><col style=\"width:23%\">");
    else
        sb_puts(&h->body, "<col style=\"width:30%\"><col style=\"width:50%\"><col style=\"width:20%\">");
    sb_puts(&h->body, "</colgroup>\n<thead><tr><th scope=\"col\">Decision</th><th scope=\"col\">Value</th>");
    if (r->info.explain)
        sb_puts(&h->body, "<th scope=\"col\">Why</th>");
    sb_puts(&h->body, "<th scope=\"col\">Clause</th>");
    if (r->info.explain)
        sb_puts(&h->body, "<th scope=\"col\">Facts</th>");
    sb_puts(&h->body, "</tr></thead>\n<tbody>\n");
    h->in_subject = true;
}

/* A value in words: a RAG value as a coloured badge with its word, a
   missing one as "n/a" or "unknown" with the reason. */
static void value_cell(Sb *b, const RenderInfo *info, const Result *res, Sb *tmp)
{
    Value v = res->v;
    if (v.k == V_MISSING) {
        elem(b, "strong", NULL, value_na(v) ? "n/a" : "unknown");
        sb_puts(b, " <span class=\"reason\">(");
        sb_clear(tmp);
        words_reason_to(tmp, v.u.why);
        esc(b, sb_str(tmp));
        sb_puts(b, ")</span>");
        return;
    }
    sb_clear(tmp);
    people_value(tmp, info, res);
    const char *rag = people_rag(v);
    if (!rag) {
        esc(b, sb_str(tmp));
        return;
    }
    sb_printf(b, "<span class=\"rag rag-%s\">", rag);
    esc(b, sb_str(tmp));
    sb_puts(b, "</span>");
}

/* A list of texts (tag: a word before each, or NULL); nothing when there are none. */
static void text_list(Sb *b, const char *cls, const char *tag, const char *const *items, int n)
{
    if (n == 0)
        return;
    sb_printf(b, "<ul class=\"%s\">", cls);
    for (int i = 0; i < n; i++) {
        sb_puts(b, "<li>");
        if (tag)
            sb_printf(b, "<span class=\"tag\">%s</span> ", tag);
        esc(b, items[i]);
        sb_puts(b, "</li>");
    }
    sb_puts(b, "</ul>");
}

/* Count a decision's value in its chart, if it has one. */
static void count_value(Html *h, const Result *res)
{
    for (int i = 0; i < h->charts.n; i++) {
        Chart *c = h->charts.v[i];
        if (c->d != res->d)
            continue;
        Value v = res->v;
        if (v.k == V_CODE && v.u.code < c->nvalues)
            c->counts[v.u.code]++;
        else if (v.k == V_MISSING)
            c->counts[c->nvalues + (value_na(v) ? 1 : 0)]++;
        return;
    }
}

/* Keep an overdue deadline for the summary: the subject, the label and since when. */
static void note_overdue(Html *h, const Result *res)
{
    if (res->v.k != V_DEADLINE || res->v.u.dl->status != ST_OVERDUE)
        return;
    Overdue *o = arena_alloc(h->a, sizeof *o);
    o->since = res->v.u.dl->due.k == V_DATE ? res->v.u.dl->due.u.d + 1 : 0;
    Sb b = SB_INIT, words = SB_INIT;
    elem(&b, "strong", NULL, h->subject);
    sb_puts(&b, " \u2014 ");
    esc(&b, people_label(h->tmp, res->d));
    sb_puts(&b, ": ");
    people_deadline(&words, &h->r.info, res->d, res->v.u.dl);
    esc(&b, sb_str(&words));
    o->item = sb_arena(&b, h->a);
    sb_free(&b);
    sb_free(&words);
    vec_push(h->a, &h->overdue, o);
}

/* A column of a row in words (in arena a), or NULL when the record has no
   such column or it is not recorded. */
static const char *field_words(Arena *a, const Row *row, const char *name)
{
    const Field *f = row ? record_field(row->rec, name) : NULL;
    if (!f || f->kind != FIELD_COLUMN || row->cols[f->index].k == V_MISSING)
        return NULL;
    return vtext_str(a, row->cols[f->index], VT_PEOPLE);
}

/* The Memo's abbreviation of a provider's service type ("NC"), else the type in words. */
static const char *service_words(Arena *a, const Row *row)
{
    const Field *f = row ? record_field(row->rec, "service_type") : NULL;
    if (f && f->kind == FIELD_COLUMN && row->cols[f->index].k == V_CODE) {
        Value v = row->cols[f->index];
        const char *code = v.scale->u.scale.values.v[v.u.code];
        for (int i = 0; i < SERVICES; i++)
            if (!strcmp(services[i].code, code))
                return services[i].abbr;
    }
    return field_words(a, row, "service_type");
}

/* The date a row is dated by (its record's dated column), or 0 when it has none. */
static qdate row_date(const Row *row)
{
    int di = row->rec->dated_index;
    return di >= 0 && row->cols[di].k == V_DATE ? row->cols[di].u.d : 0;
}

/* The placement row a Memo value was read from: of the facts read whose
   field is a placement_status with the value decided, the latest dated. */
static const Row *placement_row(const Result *res)
{
    const Row *best = NULL;
    for (int i = 0; i < res->why.uses.n; i++) {
        const Use *u = res->why.uses.v[i];
        if (u->kind != USE_FACT || !memo_type(u->field->type) || u->v.k != V_CODE || u->v.u.code != res->v.u.code)
            continue;
        if (!best || row_date(u->row) > row_date(best))
            best = u->row;
    }
    return best;
}

/* The part of the Memo a value puts a subject in, or -1 for none. */
static int memo_part(Value v)
{
    if (v.k != V_CODE)
        return -1;
    const char *code = v.scale->u.scale.values.v[v.u.code];
    for (int i = 0; i < MEMO_PARTS; i++)
        if (!strcmp(memo_parts[i].code, code))
            return i;
    return -1;
}

/* Keep a subject's Memo position: its row on the Memo, or, when the
   position is undetermined, an item for the list of those left off. */
static void note_memo(Html *h, const Subject *s, const Result *res)
{
    if (!memo_type(res->d->type) || value_na(res->v))
        return;
    if (res->v.k == V_MISSING) {
        Sb b = SB_INIT;
        elem(&b, "strong", NULL, h->subject);
        sb_puts(&b, ": ");
        esc(&b, words_reason(h->tmp, res->v.u.why));
        vec_push(h->a, &h->unplaced, sb_arena(&b, h->a));
        sb_free(&b);
        return;
    }
    int part = memo_part(res->v);
    if (part < 0)
        return;
    MemoRow *m = arena_alloc(h->a, sizeof *m);
    const Row *place = placement_row(res);
    m->part = part;
    m->id = arena_strdup(h->a, s->id);
    m->area = field_words(h->a, s->row, "area");
    m->service = service_words(h->a, s->row);
    m->name = field_words(h->a, s->row, "name");
    m->address = field_words(h->a, s->row, "address");
    m->contact = place ? field_words(h->a, place, "contact") : NULL;
    m->added = place && row_date(place) ? date_words(h->a, row_date(place)) : NULL;
    vec_push(h->a, &h->memo, m);
}

/* One decision: a row of the subject's table, and what the summary and the Memo keep of it. */
static void html_decision(Renderer *r, const Subject *s, const Result *res)
{
    Html *h = (Html *)r;
    Sb *b = &h->body;
    arena_reset(h->tmp);
    sb_puts(b, "<tr>");
    elem(b, "th", NULL, people_label(h->tmp, res->d));
    sb_puts(b, "<td>");
    value_cell(b, &r->info, res, &h->sb);
    sb_puts(b, "</td>");
    Because w = because_words(h->tmp, &res->why, res->d);
    if (r->info.explain) {
        sb_puts(b, "<td>");
        text_list(b, "why", NULL, w.held, w.nheld);
        if (!w.nheld && w.branch && res->v.k != V_MISSING)
            text_list(b, "why", NULL, &w.branch, 1);
        sb_puts(b, "</td>");
    }
    elem(b, "td", NULL, w.cite ? w.cite : "");
    if (r->info.explain) {
        sb_puts(b, "<td>");
        text_list(b, "facts", NULL, w.facts, w.nfacts);
        text_list(b, "uses", "uses", w.used, w.nused);
        sb_puts(b, "</td>");
    }
    sb_puts(b, "</tr>\n");
    count_value(h, res);
    note_overdue(h, res);
    note_memo(h, s, res);
}

/* The head of the page, and its header: the policy, the as-of date, the source. */
static void write_header(Sb *b, const Html *h, const char *asof)
{
    const Decl *pol = h->r.info.p->policy;
    const char *title = pol && pol->u.policy.title ? pol->u.policy.title : pol ? pol->name : "Policy report";
    sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    esc(b, title);
    sb_printf(b, ", as of %s</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", asof, css);
    elem(b, "h1", NULL, title);
    sb_puts(b, "\n<p class=\"meta\">");
    if (pol) {
        sb_puts(b, "Policy <code>");
        esc(b, pol->name);
        sb_puts(b, "</code> \u00b7 ");
    }
    sb_printf(b, "decisions as of <strong>%s</strong>", asof);
    if (pol && pol->u.policy.source) {
        sb_puts(b, " \u00b7 source document: ");
        esc(b, pol->u.policy.source);
    }
    sb_puts(b, "</p>\n</header>\n");
}

/* A bar's label: the scale value's display label, "Unknown" or "Not applicable". */
static const char *bar_label(Arena *a, const Chart *c, int i)
{
    if (i == c->nvalues)
        return "Unknown";
    if (i == c->nvalues + 1)
        return "Not applicable";
    return vtext_str(a, v_code(c->d->type->scale, i), VT_PEOPLE);
}

/* A chart of subjects by value: a horizontal bar per value (unknown and
   not applicable only when there are some), with the counts also as text. */
static void write_chart(Sb *b, Arena *a, const Chart *c, int subjects)
{
    enum { ROW = 22, BAR = 14, BARS = 300, CHAR_W = 7 };
    int max = 1, rows = 0, label_w = 60;
    for (int i = 0; i < c->nvalues + 2; i++) {
        if (i >= c->nvalues && !c->counts[i])
            continue;
        const char *l = bar_label(a, c, i);
        int w = loc_width(l, strlen(l)) * CHAR_W + 10;
        label_w = w > label_w ? w : label_w;
        max = c->counts[i] > max ? c->counts[i] : max;
        rows++;
    }
    const char *label = people_label(a, c->d);
    sb_puts(b, "<figure>\n<figcaption>");
    esc(b, label);
    sb_printf(b, ": %d ", subjects);
    esc(b, kind_words(a, c->sect->rec, subjects));
    sb_puts(b, "</figcaption>\n");
    int width = label_w + BARS + 40, height = rows * ROW + 4;
    sb_printf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", width, height,
              width, height);
    esc(b, label);
    sb_puts(b, "\">\n");
    for (int i = 0, y = 2; i < c->nvalues + 2; i++) {
        if (i >= c->nvalues && !c->counts[i])
            continue;
        const char *l = bar_label(a, c, i);
        const char *rag = i < c->nvalues ? people_rag(v_code(c->d->type->scale, i)) : NULL;
        int w = c->counts[i] * BARS / max;
        sb_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 8, y + BAR - 2);
        esc(b, l);
        sb_printf(b, "</text><rect class=\"bar%s%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
                  rag ? " bar-" : i >= c->nvalues ? " bar-none" : "", rag ? rag : "", label_w, y, w ? w : 1, BAR);
        sb_printf(b, "<text x=\"%d\" y=\"%d\">%d</text>\n", label_w + w + 6, y + BAR - 2, c->counts[i]);
        y += ROW;
    }
    sb_puts(b, "</svg>\n<ul class=\"counts\">");
    for (int i = 0; i < c->nvalues + 2; i++)
        if (i < c->nvalues || c->counts[i]) {
            sb_puts(b, "<li>");
            esc(b, bar_label(a, c, i));
            sb_printf(b, ": <strong>%d</strong></li>", c->counts[i]);
        }
    sb_puts(b, "</ul>\n</figure>\n");
}

/* How many subjects a chart's section had. */
static int section_count(const Html *h, const Section *s)
{
    for (int i = 0; i < h->kinds.n; i++)
        if (((const Kind *)h->kinds.v[i])->sect == s)
            return ((const Kind *)h->kinds.v[i])->count;
    return 0;
}

/* The charts of RAG ratings (rag true) or of stages; a line when there are none. */
static void write_charts(Sb *b, Html *h, bool rag, const char *heading, const char *none)
{
    sb_printf(b, "<h3>%s</h3>\n", heading);
    int n = 0;
    for (int i = 0; i < h->charts.n; i++) {
        const Chart *c = h->charts.v[i];
        if ((c->d->kind != D_LADDER) == rag) {
            write_chart(b, h->tmp, c, section_count(h, c->sect));
            n++;
        }
    }
    if (!n)
        sb_printf(b, "<p class=\"none\">%s</p>\n", none);
}

/* Order overdue deadlines: the longest overdue first, then by subject and label. */
static int overdue_cmp(const void *x, const void *y)
{
    const Overdue *a = *(const Overdue *const *)x, *b = *(const Overdue *const *)y;
    int c = (a->since > b->since) - (a->since < b->since);
    return c ? c : strcmp(a->item, b->item);
}

/* The summary: subjects by kind, the charts, and the overdue deadlines. */
static void write_summary(Sb *b, Html *h, const char *asof)
{
    sb_puts(b, "<section class=\"summary\">\n<h2>Summary</h2>\n<p>Subjects decided about: ");
    for (int i = 0; i < h->kinds.n; i++) {
        const Kind *k = h->kinds.v[i];
        sb_printf(b, "%s%d ", i ? ", " : "", k->count);
        esc(b, kind_words(h->tmp, k->sect->rec, k->count));
    }
    sb_puts(b, h->kinds.n ? ".</p>\n" : "none.</p>\n");
    write_charts(b, h, true, "By RAG rating", "No decision of this policy gives a RAG rating.");
    write_charts(b, h, false, "By stage", "No decision of this policy is a ladder of stages.");
    sb_puts(b, "<h3>Overdue deadlines</h3>\n");
    if (!h->overdue.n)
        sb_printf(b, "<p class=\"none\">No deadline is overdue as of %s.</p>\n", asof);
    if (h->overdue.n) {
        qsort(h->overdue.v, (size_t)h->overdue.n, sizeof *h->overdue.v, overdue_cmp);
        sb_puts(b, "<ul class=\"overdue\">\n");
        for (int i = 0; i < h->overdue.n; i++)
            sb_printf(b, "<li>%s</li>\n", ((const Overdue *)h->overdue.v[i])->item);
        sb_puts(b, "</ul>\n");
    }
    sb_puts(b, "</section>\n");
}

/* A text, "" for NULL. */
static const char *nz(const char *s)
{
    return s ? s : "";
}

/* Order the Memo: by part, then area (not recorded last), then name and id. */
static int memo_cmp(const void *x, const void *y)
{
    const MemoRow *a = *(const MemoRow *const *)x, *b = *(const MemoRow *const *)y;
    if (a->part != b->part)
        return a->part - b->part;
    if (!a->area != !b->area)
        return a->area ? -1 : 1;
    int c = strcmp(nz(a->area), nz(b->area));
    c = c ? c : strcmp(nz(a->name), nz(b->name));
    return c ? c : strcmp(a->id, b->id);
}

/* The introduction of the Memo: what it is, who may read it, the key. */
static void memo_intro(Sb *b, const char *asof)
{
    sb_printf(b, "<section class=\"memo\">\n<h2>Managed Placements Memo</h2>\n"
                 "<p><strong>Managed Placements (Updated %s)</strong></p>\n", asof);
    sb_puts(b, "<p class=\"confidential\">This document is a confidential memo shared only between Local Authority"
               " and Health staff involved in supporting people to find care and support in the community and in"
               " care settings.</p>\n"
               "<p>The Managed Placements Memo is in three parts. The providers where safeguarding and/or quality"
               " concerns have been identified are listed under the geographical area in which they are situated"
               " and the type of restriction applied:</p>\n<ul>\n"
               "<li><strong>RED</strong>: providers where SCC is not currently agreeing new placements;</li>\n"
               "<li><strong>AMBER</strong>: providers where SCC has put certain restrictions on placements;</li>\n"
               "<li><strong>GREEN</strong>: providers where restrictions have been removed since the last"
               " published list and SCC are now placing.</li>\n</ul>\n"
               "<p>Red and Amber: staff must first contact the named manager before making contact with the"
               " provider so that they can be fully aware of issues, enabling them to have discussions with their"
               " service user where appropriate.</p>\n<p class=\"key\">Key: ");
    for (int i = 0, n = 0; i < SERVICES; i++)
        if (services[i].words)
            sb_printf(b, "%s%s = %s", n++ ? "; " : "", services[i].abbr, services[i].words);
    sb_puts(b, ".</p>\n");
}

/* One part of the Memo: a table with a group of rows per area; from row
   *i of the sorted rows, which it moves past the part's rows. */
static void memo_part_table(Sb *b, const Html *h, int part, int *i)
{
    sb_printf(b, "<h3 class=\"memo-part memo-%s\">%s</h3>\n", memo_parts[part].rag, memo_parts[part].heading);
    sb_puts(b, "<table><colgroup><col style=\"width:13%\"><col style=\"width:42%\"><col style=\"width:28%\">"
               "<col style=\"width:17%\"></colgroup>\n<thead><tr><th scope=\"col\">Type of Service</th>"
               "<th scope=\"col\">Name and Address of Service Provider</th>"
               "<th scope=\"col\">Contact Name and Telephone Number</th><th scope=\"col\">Date Added</th>"
               "</tr></thead>\n");
    const MemoRow *prev = NULL;
    int start = *i;
    for (; *i < h->memo.n && ((const MemoRow *)h->memo.v[*i])->part == part; (*i)++) {
        const MemoRow *m = h->memo.v[*i];
        if (!prev || strcmp(nz(prev->area), nz(m->area)) || !prev->area != !m->area) {
            sb_puts(b, prev ? "</tbody>\n<tbody>" : "<tbody>");
            sb_puts(b, "<tr class=\"area\"><th colspan=\"4\">");
            esc(b, m->area ? m->area : "Area not recorded");
            sb_puts(b, "</th></tr>\n");
        }
        sb_puts(b, "<tr>");
        elem(b, "td", NULL, m->service ? m->service : "not recorded");
        sb_puts(b, "<td>");
        elem(b, "strong", NULL, m->name ? m->name : m->id);
        if (m->address) {
            sb_puts(b, "<br>");
            esc(b, m->address);
        }
        sb_puts(b, "</td>");
        elem(b, "td", NULL, m->contact ? m->contact : "not recorded");
        elem(b, "td", NULL, m->added ? m->added : "not recorded");
        sb_puts(b, "</tr>\n");
        prev = m;
    }
    if (*i == start)
        sb_puts(b, "<tbody><tr><td colspan=\"4\" class=\"none\">No providers in this part.</td></tr>\n");
    sb_puts(b, "</tbody></table>\n");
}

/* The Managed Placements Memo: its three parts, then the providers whose
   position could not be determined. */
static void write_memo(Sb *b, Html *h, const char *asof)
{
    memo_intro(b, asof);
    if (h->memo.n)
        qsort(h->memo.v, (size_t)h->memo.n, sizeof *h->memo.v, memo_cmp);
    int i = 0;
    for (int part = 0; part < MEMO_PARTS; part++)
        memo_part_table(b, h, part, &i);
    if (h->unplaced.n) {
        sb_puts(b, "<h3>Not on the Memo: position not determined</h3>\n<ul>\n");
        for (int k = 0; k < h->unplaced.n; k++)
            sb_printf(b, "<li>%s</li>\n", (const char *)h->unplaced.v[k]);
        sb_puts(b, "</ul>\n");
    }
    sb_puts(b, "</section>\n");
}

/* Write the whole page: header, summary, Memo, the subjects, footer. */
static void html_end(Renderer *r)
{
    Html *h = (Html *)r;
    close_kind(h);
    arena_reset(h->tmp);
    const char *asof = date_words(h->a, r->info.as_of);
    Sb page = SB_INIT;
    write_header(&page, h, asof);
    write_summary(&page, h, asof);
    if (h->has_memo)
        write_memo(&page, h, asof);
    sb_puts(&page, "<section class=\"subjects\">\n");
    sb_putn(&page, sb_str(&h->body), h->body.len);
    sb_printf(&page, "</section>\n<footer>Made with qpl %s; the decisions are as of %s.</footer>\n"
                     "</body>\n</html>\n", QPL_VERSION, asof);
    if (fwrite(sb_str(&page), 1, page.len, r->out) != page.len || fflush(r->out) != 0)
        fprintf(stderr, "qpl: error: cannot write the report: %s\n", strerror(errno));
    sb_free(&page);
}

/* Free the renderer. */
static void html_free(Renderer *r)
{
    Html *h = (Html *)r;
    sb_free(&h->body);
    sb_free(&h->sb);
    arena_free(h->a);
    arena_free(h->tmp);
    free(h);
}

const RenderOps render_html = {"html", html_begin, html_section, html_subject, html_decision, html_end, html_free, NULL, NULL, NULL};
