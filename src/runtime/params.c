/* params.c: parameter values written as text (--param, the REPL's .param). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../util/suggest.h"
#include "eval.h"

/* The parameter called name; NULL, with a message and a suggestion in err. */
const Sym *param_find(const Program *p, const char *name, Arena *a, const char **err)
{
    const Sym *s = program_find(p, name);
    if (s && s->kind == S_PARAM)
        return s;
    Suggest sg;
    suggest_begin(&sg, name);
    for (int i = 0; i < p->params.n; i++)
        suggest_offer(&sg, ((const Sym *)p->params.v[i])->name);
    const char *best = suggest_best(&sg);
    *err = arena_printf(a, "the policy has no parameter `%s`%s%s%s", name, best ? "; did you mean `" : "", best ? best : "",
                        best ? "`?" : "");
    return NULL;
}

/* A duration written as "3 months", "10 working days" or "3": 0 on success. */
static int parse_duration(const Type *t, const char *name, const char *text, Value *v, Arena *a, const char **err)
{
    char *end;
    long long k = strtoll(text, &end, 10);
    if (end == text || k > 100000 || k < -100000) {
        *err = arena_printf(a, "parameter `%s` is a duration, e.g. \"3 months\"; `%s` is not one", name, text);
        return -1;
    }
    while (isspace((unsigned char)*end))
        end++;
    int unit = t->unit;
    if (*end) {
        size_t n = strcspn(end, " \t");
        bool working = n == 7 && !strncmp(end, "working", 7);
        const char *w = working ? end + n + strspn(end + n, " \t") : end;
        int u = lang_unit_word(w, strcspn(w, " \t"));
        unit = u < 0 ? -1 : working ? (u == U_DAYS ? U_WORKING_DAYS : -1) : (int)lang_units[u].kind;
        if (u >= 0 && !working)
            k *= lang_units[u].factor;
    }
    if (unit != (int)t->unit) {
        *err = arena_printf(a, "parameter `%s` is a duration in %s", name, lang_units[t->unit].many);
        return -1;
    }
    v->k = V_DUR;
    v->u.dur.n = k;
    v->u.dur.unit = t->unit;
    return 0;
}

/* Parse a parameter value written as text, according to the parameter's type. */
int param_parse(const Sym *param, const char *text, Arena *a, Value *out, const char **err)
{
    const char *name = param->name;
    const Type *t = param->type;
    Num n;
    qdate d;
    switch (t->kind) {
    case T_NUMBER:
        if (!num_parse(text, &n)) {
            *err = arena_printf(a, "parameter `%s` is a number; `%s` is not one", name, text);
            return -1;
        }
        *out = v_num(n);
        return 0;
    case T_BOOL:
        if (strcmp(text, "true") && strcmp(text, "false")) {
            *err = arena_printf(a, "parameter `%s` is true or false, not `%s`", name, text);
            return -1;
        }
        *out = v_bool(!strcmp(text, "true"));
        return 0;
    case T_TEXT:
        *out = v_text(arena_strdup(a, text));
        return 0;
    case T_DATE:
        if (!date_parse(text, strlen(text), &d)) {
            *err = arena_printf(a, "parameter `%s` is a date (YYYY-MM-DD); `%s` is not one", name, text);
            return -1;
        }
        *out = v_date(d);
        return 0;
    case T_CODE: {
        int c = scale_lookup(t->scale, text, strlen(text));
        if (c < 0) {
            *err = arena_printf(a, "`%s` is not a value of %s", text, t->name);
            return -1;
        }
        *out = v_code(t->scale, c);
        return 0;
    }
    case T_DURATION:
        return parse_duration(t, name, text, out, a, err);
    default:
        *err = arena_printf(a, "parameter `%s` cannot be set from the command line", name);
        return -1;
    }
}
