/* diff.c: the REPL's `.diff`: the decisions that differ between the
   original facts and parameters and the what-ifs. It evaluates only what
   the what-ifs can have changed (plan_diff), on each side in the same
   order (after what-ifs on parameters alone, both in one reading of the
   facts): the original side is kept as a hash and the words of each
   decision evaluated, and the what-if side is compared with it subject by
   subject as it is evaluated. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../check/usage.h"
#include "../../out/json.h"
#include "../../out/tabular.h"
#include "../../out/vtext.h"
#include "../../util/map.h"
#include "../../util/mem.h"
#include "repl.h"

/* What `.diff` evaluates: for each section, every subject (keys[i] NULL)
   or those with the keys in keys[i]; every decision (only NULL), or those
   marked in only[i] (by slot). */
typedef struct Plan {
    Vec **keys;
    bool **only;
    bool twice;             /* parameters alone changed: evaluate both sides in one reading of the facts */
} Plan;

/* One subject of the original side: for each of its decisions evaluated,
   a hash of its value and its words. */
typedef struct Mark {
    int si;
    const char *id;
    int n;
    uint64_t *hash;
    const char **text;      /* interned */
    bool seen;              /* the what-if side has the subject too */
} Mark;

/* The two sides being compared, and the rows of differences found. */
typedef struct Diff {
    Repl *r;
    const Plan *plan;
    Arena *a, *scratch;
    Vec marks;              /* Mark*, in the order evaluated */
    Mark **sorted;          /* by section and id, made when the sides go out of step */
    int nsorted;            /* how many marks sorted holds */
    int next;               /* the mark the next subject of the what-if side should match */
    Map words;              /* interned words of values */
    Tabular *t;
    int rows;
    bool pairwise;          /* both sides in one run: marks holds the current subject's only (in marka) */
    Arena *marka;
    Vec gone;               /* pairwise: marks of subjects the what-if side did not have */
} Diff;

/* FNV-1a over a value's JSON: equal hashes, equal values. */
static uint64_t value_hash(Arena *scratch, Value v)
{
    uint64_t h = 1469598103934665603u;
    for (const unsigned char *s = (const unsigned char *)json_str(scratch, v); *s; s++)
        h = (h ^ *s) * 1099511628211u;
    return h;
}

/* The words of a value, interned in the diff's arena. */
static const char *words(Diff *df, Value v)
{
    const char *w = vtext_str(df->scratch, v, VT_REPL);
    const char *kept = map_get(&df->words, w);
    if (!kept) {
        kept = arena_strdup(df->a, w);
        map_put(&df->words, kept, (void *)kept);
    }
    return kept;
}

/* Whether the plan evaluates decision i of a subject. */
static bool evaluated(const Diff *df, const Subject *s, int i)
{
    return !df->plan->only || df->plan->only[s->sect->index][s->results[i].d->sym->slot];
}

/* Pairwise: forget the previous subject's mark, keeping it (in gone) when
   the what-if side did not have that subject. */
static void retire(Diff *df)
{
    if (df->marks.n == 1 && !((Mark *)df->marks.v[0])->seen) {
        const Mark *m = df->marks.v[0];
        Mark *k = arena_alloc(df->a, sizeof *k);
        *k = *m;
        k->id = arena_strdup(df->a, m->id);
        k->hash = NULL;
        k->text = arena_array(df->a, (size_t)m->n + 1, sizeof *k->text);
        memcpy(k->text, m->text, (size_t)m->n * sizeof *k->text);
        vec_push(df->a, &df->gone, k);
    }
    df->marks = (Vec){0};
    df->next = 0;
    arena_reset(df->marka);
}

/* RunSink of the original side: keep a mark of the subject. */
static void keep_mark(void *ctx, const Subject *s)
{
    Diff *df = ctx;
    if (df->pairwise)
        retire(df);
    Arena *a = df->pairwise ? df->marka : df->a;
    Mark *m = arena_alloc(a, sizeof *m);
    m->si = s->sect->index;
    m->id = arena_strdup(a, s->id);
    m->n = s->n;
    m->hash = arena_array(a, (size_t)s->n + 1, sizeof *m->hash);
    m->text = arena_array(a, (size_t)s->n + 1, sizeof *m->text);
    m->seen = false;
    for (int i = 0; i < s->n; i++)
        if (evaluated(df, s, i)) {
            m->hash[i] = value_hash(df->scratch, s->results[i].v);
            m->text[i] = words(df, s->results[i].v);
        }
    vec_push(a, &df->marks, m);
    arena_reset(df->scratch);
}

/* Order marks by section, then id. */
static int mark_cmp(const void *x, const void *y)
{
    const Mark *a = *(const Mark *const *)x, *b = *(const Mark *const *)y;
    return a->si != b->si ? a->si - b->si : strcmp(a->id, b->id);
}

/* The mark of the original side's subject with this section and id, or NULL. */
static Mark *find_mark(Diff *df, const Subject *s)
{
    Mark **v = (Mark **)df->marks.v;
    if (df->next < df->marks.n && v[df->next]->si == s->sect->index && !strcmp(v[df->next]->id, s->id))
        return v[df->next++];
    if (df->pairwise || df->marks.n == 0)
        return NULL;
    if (df->nsorted != df->marks.n) {
        free(df->sorted);
        df->sorted = xcalloc((size_t)df->marks.n + 1, sizeof *df->sorted);
        memcpy(df->sorted, v, (size_t)df->marks.n * sizeof *v);
        qsort(df->sorted, (size_t)df->marks.n, sizeof *df->sorted, mark_cmp);
        df->nsorted = df->marks.n;
    }
    Mark key = {s->sect->index, s->id, 0, NULL, NULL, false}, *kp = &key;
    Mark **hit = bsearch(&kp, df->sorted, (size_t)df->nsorted, sizeof *df->sorted, mark_cmp);
    return hit ? *hit : NULL;
}

/* Add a row of the differences table. */
static void add_row(Diff *df, int si, const char *id, const Decl *d, const char *before, const char *after)
{
    const char *cells[5] = {((const Section *)df->r->p->sections.v[si])->rec->name, id, d->name, before, after};
    tab_row(df->t, cells);
    df->rows++;
}

/* RunSink of the what-if side: add a row for each decision that differs. */
static void compare(void *ctx, const Subject *s)
{
    Diff *df = ctx;
    Mark *m = find_mark(df, s);
    if (m)
        m->seen = true;
    for (int i = 0; i < s->n; i++) {
        if (!evaluated(df, s, i) || (m && m->hash[i] == value_hash(df->scratch, s->results[i].v)))
            continue;
        add_row(df, s->sect->index, s->id, s->results[i].d, m ? m->text[i] : "(none)", words(df, s->results[i].v));
    }
    arena_reset(df->scratch);
}

/* Every decision the plan names, on the original or the what-if side; 0 or 1. */
static int run_side(Diff *df, bool original)
{
    Repl *r = df->r;
    RunOpts o = {r->as_of, false, true, false, (const bool *const *)df->plan->only};
    Run *run = run_new(r->p, original ? r->orig : r->mem, &o, &r->d);
    run_set_stop(run, &repl_interrupted);
    if (!original)
        whatif_apply_params(r, run);
    RunSink sink = {df, original ? keep_mark : compare};
    int rc = 0;
    for (int i = 0; i < r->p->sections.n && rc == 0; i++) {
        const Section *s = r->p->sections.v[i];
        Vec *keys = df->plan->keys[i];
        if (!keys)
            rc = run_section(run, s, NULL, &sink);
        for (int k = 0; keys && k < keys->n && rc == 0; k++)
            rc = run_section(run, s, keys->v[k], &sink);
    }
    run_free(run);
    return rc;
}

/* The parameters the what-ifs change, with their values on each side. */
typedef struct Swap {
    int n;
    const Sym **sym;
    Value *orig, *what_if;
} Swap;

/* RunTwice's swap: the what-if values of the parameters, or the original ones. */
static void swap_params(void *ctx, Eval *E, bool what_if)
{
    const Swap *w = ctx;
    for (int i = 0; i < w->n; i++)
        eval_set_param(E, w->sym[i], what_if ? w->what_if[i] : w->orig[i]);
}

/* Both sides in one run over the original facts: each subject evaluated
   with the original parameters, then with the what-ifs'; 0 or 1. */
static int run_both(Diff *df)
{
    Repl *r = df->r;
    RunOpts o = {r->as_of, false, true, false, (const bool *const *)df->plan->only};
    Run *run = run_new(r->p, r->orig, &o, &r->d);
    run_set_stop(run, &repl_interrupted);
    Arena *a = run_arena(run);
    Swap w = {0, arena_array(a, (size_t)r->nw + 1, sizeof *w.sym), arena_array(a, (size_t)r->nw + 1, sizeof *w.orig),
              arena_array(a, (size_t)r->nw + 1, sizeof *w.what_if)};
    for (int i = 0; i < r->nw; i++) {
        const char *err;
        const Sym *p = r->w[i].kind == W_PARAM ? param_find(r->p, r->w[i].name, a, &err) : NULL;
        Value v;
        if (p && param_parse(p, r->w[i].value, a, &v, &err) == 0) {
            w.sym[w.n] = p;
            w.orig[w.n] = eval_param(run_eval(run), p);
            w.what_if[w.n++] = v;
        }
    }
    RunSink first = {df, keep_mark};
    RunTwice twice = {swap_params, &w, {df, compare}};
    int rc = 0;
    for (int i = 0; i < r->p->sections.n && rc == 0; i++)
        rc = run_section_twice(run, r->p->sections.v[i], &first, &twice);
    run_free(run);
    return rc;
}

/* Mark in only the decisions that read a changed parameter; false when
   there is no parameter what-if. */
static bool param_decisions(Repl *r, Arena *a, bool **only)
{
    bool *changed = arena_array(a, (size_t)r->p->params.n + 1, sizeof *changed), any = false;
    for (int i = 0; i < r->nw; i++) {
        const char *err;
        const Sym *p = r->w[i].kind == W_PARAM ? param_find(r->p, r->w[i].name, a, &err) : NULL;
        if (p)
            any = changed[p->slot] = true;
    }
    for (int i = 0; any && i < r->p->sections.n; i++) {
        const Section *s = r->p->sections.v[i];
        only[i] = arena_array(a, (size_t)s->lets.n + 1, sizeof *only[i]);
        bool every = s->filter && usage_reads_params(r->p, s->filter, changed);    /* (its subjects may come or go) */
        for (int k = 0; k < s->outputs.n; k++) {
            const Sym *d = ((const Decl *)s->outputs.v[k])->sym;
            only[i][d->slot] = every || usage_reads_params(r->p, d, changed);
        }
    }
    return any;
}

/* Plan `.diff`: after what-ifs on facts alone, the subjects they touch (and
   those that read them), every decision; after what-ifs on parameters
   alone, every subject, the decisions that read those parameters; after
   both, everything. 0, or -1 after a message. */
static int plan_diff(Repl *r, Arena *a, Plan *plan)
{
    int n = r->p->sections.n;
    plan->keys = arena_array(a, (size_t)n + 1, sizeof *plan->keys);
    plan->only = arena_array(a, (size_t)n + 1, sizeof *plan->only);
    bool facts = false;
    for (int i = 0; i < r->nw; i++)
        facts = facts || r->w[i].kind == W_SQL;
    bool params = param_decisions(r, a, plan->only);
    if (!params || facts)
        plan->only = NULL;
    plan->twice = params && !facts && !r->p->params_anywhere;
    for (int i = 0; i < n; i++) {
        const Section *s = r->p->sections.v[i];
        plan->keys[i] = arena_alloc(a, sizeof *plan->keys[i]);
        *plan->keys[i] = (Vec){0};
        FactError err = {SB_INIT, NULL};
        int rc = params ? 0 : facts_touched(r->mem, r->p, s->rec, a, plan->keys[i], &err);
        if (rc < 0)
            repl_error(r, err.hint, "%s", sb_str(&err.msg));
        sb_free(&err.msg);
        if (rc < 0)
            return -1;
        if (rc == 0)
            plan->keys[i] = NULL;
    }
    return 0;
}

/* Add rows for the subjects only the original side has. */
static void removed(Diff *df)
{
    if (df->pairwise)
        retire(df);
    const Vec *marks = df->pairwise ? &df->gone : &df->marks;
    for (int k = 0; k < marks->n; k++) {
        const Mark *m = marks->v[k];
        const Section *s = df->r->p->sections.v[m->si];
        for (int i = 0; !m->seen && i < m->n; i++)
            if (!df->plan->only || df->plan->only[m->si][((const Decl *)s->outputs.v[i])->sym->slot])
                add_row(df, m->si, m->id, s->outputs.v[i], m->text[i], "(none)");
    }
}

/* `.diff`: the decisions that differ between the original and the what-if facts and parameters. */
void whatif_diff(Repl *r, char *args, const char *line)
{
    (void)args, (void)line;
    if (!r->p->sections.n) {
        printf("the policy makes no decisions to compare\n");
        return;
    }
    Plan plan;
    Diff df = {r, &plan, arena_new(), arena_new(), {0}, NULL, 0, 0, {0}, tab_new(5), 0, false, arena_new(), {0}};
    const char *head[5] = {"subject", "id", "decision", "before", "after"};
    tab_row(df.t, head);
    r->d.errors = 0;
    int planned = plan_diff(r, df.a, &plan);
    df.pairwise = plan.twice;
    if (planned != 0 ||
        (plan.twice ? run_both(&df) : run_side(&df, true) != 0 || run_side(&df, false) != 0) != 0) {
        r->failed = true;
    } else {
        removed(&df);
        if (!df.rows) {
            printf("no decision differs from the original facts and parameters%s\n", r->nw ? "" : " (there are no what-ifs)");
        } else {
            tab_print(df.t, stdout, true);
            printf("%d decision%s differ%s from the original facts and parameters\n", df.rows, df.rows == 1 ? "" : "s",
                   df.rows == 1 ? "s" : "");
        }
    }
    tab_free(df.t);
    free(df.sorted);
    map_free(&df.words);
    arena_free(df.marka);
    arena_free(df.scratch);
    arena_free(df.a);
}
