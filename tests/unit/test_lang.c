/* test_lang.c: the language's vocabulary tables (the grammar's keywords,
   the .def files of src/lang) against the "Vocabulary" table of docs/language.md: each
   row must list exactly the words of its table.
   usage: build/test_lang docs/language.md */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "front/parse.h"
#include "lang/lang.h"
#include "util/file.h"

enum { MAXW = 256 };

typedef struct Words {
    const char *w[MAXW];
    int n;
} Words;

static int failures;

/* The backquoted words of the table row of the document headed `kind`. */
static Words doc_row(const char *doc, const char *kind)
{
    Words out = {{0}, 0};
    char head[64];
    snprintf(head, sizeof head, "\n| %s |", kind);
    const char *p = strstr(doc, head);
    if (!p) {
        printf("FAIL docs/language.md has no Vocabulary row `%s`\n", kind);
        failures++;
        return out;
    }
    p += strlen(head);
    const char *end = strchr(p, '\n');
    while (p < end && (p = strchr(p, '`')) && p < end) {
        const char *q = strchr(p + 1, '`');
        if (!q || out.n == MAXW)
            break;
        char *w = malloc((size_t)(q - p));
        memcpy(w, p + 1, (size_t)(q - p - 1));
        w[q - p - 1] = 0;
        out.w[out.n++] = w;
        p = q + 1;
    }
    return out;
}

/* Whether list holds word. */
static int has(const Words *list, const char *word)
{
    for (int i = 0; i < list->n; i++)
        if (!strcmp(list->w[i], word))
            return 1;
    return 0;
}

/* Compare a table's words with the document's row, both ways. */
static void compare(const char *doc, const char *kind, const Words *table)
{
    Words row = doc_row(doc, kind);
    for (int i = 0; i < table->n; i++)
        if (!has(&row, table->w[i])) {
            printf("FAIL %s: `%s` is not in docs/language.md\n", kind, table->w[i]);
            failures++;
        }
    for (int i = 0; i < row.n; i++)
        if (!has(table, row.w[i])) {
            printf("FAIL %s: docs/language.md lists `%s`, which the interpreter does not have\n", kind, row.w[i]);
            failures++;
        }
    for (int i = 0; i < row.n; i++)
        free((void *)row.w[i]);
    printf("ok   %s: %d words\n", kind, table->n);
}

/* Add a word to a list. */
static void add(Words *l, const char *w)
{
    if (l->n < MAXW)
        l->w[l->n++] = w;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_lang docs/language.md\n");
        return 2;
    }
    char *doc = file_read(argv[1], 0, NULL, NULL);
    if (!doc) {
        fprintf(stderr, "test_lang: cannot read %s\n", argv[1]);
        return 2;
    }
    Words kw = {{0}, 0}, units = {{0}, 0}, fns = {{0}, 0}, dl = {{0}, 0}, q = {{0}, 0}, ld = {{0}, 0}, st = {{0}, 0},
          ty = {{0}, 0};
    const char *w;
    for (int i = 0; (w = parse_keyword_at(i)); i++)
        add(&kw, w);
    for (int u = 0; u < U_COUNT; u++) {
        add(&units, lang_units[u].one);
        add(&units, lang_units[u].many);
    }
    for (int b = 0; b < B_COUNT; b++)
        add(&fns, lang_builtins[b].name);
    for (int p = 0; p < P_COUNT; p++)
        add(lang_parts[p].kind == T_DEADLINE ? &dl : lang_parts[p].kind == T_QUORUM ? &q : &ld, lang_parts[p].name);
    for (int s = 0; s < ST_COUNT; s++)
        add(&st, lang_statuses[s]);
    for (int t = 0; t < T_COUNT; t++)
        if (lang_type_names[t])
            add(&ty, lang_type_names[t]);
    compare(doc, "reserved words", &kw);
    compare(doc, "duration units", &units);
    compare(doc, "built-in functions", &fns);
    compare(doc, "deadline parts", &dl);
    compare(doc, "quorum parts", &q);
    compare(doc, "ladder parts", &ld);
    compare(doc, "deadline statuses", &st);
    compare(doc, "built-in types", &ty);
    free(doc);
    printf("lang: %d failed\n", failures);
    return failures ? 1 : 0;
}
