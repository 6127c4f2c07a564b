/* lang.c: the tables of lang.h, built from the .def files. */
#include <stdio.h>
#include <string.h>
#include "lang.h"

const char *const lang_type_names[T_COUNT] = {
#define TYPEKIND(id, name) name,
#include "types.def"
#undef TYPEKIND
};

const UnitInfo lang_units[U_COUNT] = {
#define UNIT(id, one, many, kind, factor) {one, many, kind, factor},
#include "units.def"
#undef UNIT
};

const BuiltinInfo lang_builtins[B_COUNT] = {
#define BUILTIN(id, name, min, max, usage) {name, min, max, usage},
#include "builtins.def"
#undef BUILTIN
};

const PartInfo lang_parts[P_COUNT] = {
#define PART(id, kind, name, type) {kind, name, type},
#include "parts.def"
#undef PART
};

const char *const lang_statuses[ST_COUNT] = {
#define STATUS(id, name) name,
#include "statuses.def"
#undef STATUS
};

/* The kind of the built-in type written `name`. */
int lang_type_name(const char *name)
{
    for (int k = 0; k < T_COUNT; k++)
        if (lang_type_names[k] && !strcmp(lang_type_names[k], name))
            return k;
    return -1;
}

/* The one-word unit spelled by the n bytes at s, singular or plural. */
int lang_unit_word(const char *s, size_t n)
{
    for (int u = 0; u < U_COUNT; u++) {
        const UnitInfo *ui = &lang_units[u];
        if (strchr(ui->one, ' '))
            continue;
        if ((strlen(ui->one) == n && !memcmp(ui->one, s, n)) || (strlen(ui->many) == n && !memcmp(ui->many, s, n)))
            return u;
    }
    return -1;
}

/* The built-in function called `name`. */
int lang_builtin(const char *name)
{
    for (int b = 0; b < B_COUNT; b++)
        if (!strcmp(lang_builtins[b].name, name))
            return b;
    return -1;
}

/* Part `name` of values of kind `kind`. */
int lang_part(TypeKind kind, const char *name)
{
    for (int p = 0; p < P_COUNT; p++)
        if (lang_parts[p].kind == kind && !strcmp(lang_parts[p].name, name))
            return p;
    return -1;
}

/* "`start`, `due`, `done` and `status`": the parts of kind, for messages. */
const char *lang_part_list(TypeKind kind, char *buf, size_t size)
{
    int n = 0, total = 0;
    for (int p = 0; p < P_COUNT; p++)
        total += lang_parts[p].kind == kind;
    size_t len = 0;
    buf[0] = 0;
    for (int p = 0; p < P_COUNT && len < size; p++) {
        if (lang_parts[p].kind != kind)
            continue;
        const char *sep = n == 0 ? "" : n == total - 1 ? " and " : ", ";
        len += (size_t)snprintf(buf + len, size - len, "%s`%s`", sep, lang_parts[p].name);
        n++;
    }
    return buf;
}
