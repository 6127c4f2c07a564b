/* render.c: the table of output formats, and the calls every renderer answers. */
#include <stdio.h>
#include <string.h>
#include "../util/mem.h"
#include "render.h"

extern const RenderOps render_text, render_table, render_jsonl, render_csv, render_html;

/* ORDER FORMATS: render_formats() lists them in this order (qpl eval's default
   is text on a terminal, table otherwise). */
static const RenderOps *const formats[] = {&render_text, &render_table, &render_jsonl, &render_csv, &render_html};
enum { NFORMATS = sizeof formats / sizeof *formats };

/* A renderer of the named format. */
Renderer *render_begin(const char *format, FILE *out, const RenderInfo *info)
{
    for (int i = 0; i < NFORMATS; i++)
        if (!strcmp(formats[i]->name, format)) {
            Renderer *r = formats[i]->begin(out, info);
            r->ops = formats[i];
            return r;
        }
    return NULL;
}

/* Whether a format exists. */
bool render_known(const char *format)
{
    for (int i = 0; i < NFORMATS; i++)
        if (!strcmp(formats[i]->name, format))
            return true;
    return false;
}

/* A section begins. */
void render_section(Renderer *r, const Section *s)
{
    if (r->ops->section)
        r->ops->section(r, s);
}

/* A subject and its decisions. */
void render_subject(Renderer *r, const Subject *s)
{
    if (r->ops->subject)
        r->ops->subject(r, s);
    for (int i = 0; i < s->n; i++)
        r->ops->decision(r, s, &s->results[i]);
}

/* Everything has been given. */
void render_end(Renderer *r)
{
    if (r->ops->end)
        r->ops->end(r);
}

/* Free a renderer. */
void render_free(Renderer *r)
{
    if (r)
        r->ops->free(r);
}

/* A copy of a renderer that renders subjects into text, or NULL. */
Renderer *render_fork(const Renderer *r)
{
    Renderer *c = r->ops->fork ? r->ops->fork(r) : NULL;
    if (c)
        c->ops = r->ops;
    return c;
}

/* A subject and its decisions as a copy renders them, appended to out. */
void render_subject_text(Renderer *copy, const Subject *s, Sb *out)
{
    copy->ops->text(copy, s, out);
}

/* Write text that copies of r rendered. */
void render_put(Renderer *r, const char *text, size_t n)
{
    if (r->ops->put)
        r->ops->put(r, text, n);
    else
        fwrite(text, 1, n, r->out);
}

/* The format names joined for messages. */
const char *render_formats(void)
{
    static char list[128];
    if (!list[0]) {
        size_t n = 0;
        for (int i = 0; i < NFORMATS; i++)
            n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", i == 0 ? "" : i == NFORMATS - 1 ? " or " : ", ",
                                  formats[i]->name);
    }
    return list;
}

/* A zeroed renderer for a format's begin. */
void *render_alloc(size_t size, FILE *out, const RenderInfo *info)
{
    Renderer *r = xcalloc(1, size);
    r->out = out;
    r->info = *info;
    return r;
}
