/* render.h: the renderer interface. A run hands a renderer each section and
   each subject with its decisions; the renderer writes them in its format.
   A format is one file (text.c, table.c, jsonl.c, csv.c) and one entry in
   the table of render.c. Every format states the as-of date. */
#ifndef QPL_RENDER_H
#define QPL_RENDER_H

#include <stdio.h>
#include "../runtime/run.h"

typedef struct RenderInfo {
    const Program *p;
    qdate as_of;
    bool explain;           /* show why each decision has its value */
    bool color;             /* text: colour RAG values (a terminal that wants it) */
    bool wide;              /* csv: one row per subject, a column per decision */
    bool bom;               /* csv: start with a UTF-8 byte order mark (for Excel) */
    int width;              /* text: the columns to fit in */
    bool bare;              /* text: no title line, no count of subjects (the REPL) */
} RenderInfo;

typedef struct Renderer Renderer;

typedef struct RenderOps {
    const char *name;
    Renderer *(*begin)(FILE *out, const RenderInfo *info);
    void (*section)(Renderer *r, const Section *s);     /* a section starts (also one with no subjects) */
    void (*subject)(Renderer *r, const Subject *s);     /* a subject, before its decisions */
    void (*decision)(Renderer *r, const Subject *s, const Result *res);
    void (*end)(Renderer *r);                           /* all is given: write what is held back */
    void (*free)(Renderer *r);
    /* Formats whose output of a subject depends on that subject alone, for
       rendering on other threads (NULL in the others): */
    Renderer *(*fork)(const Renderer *r);               /* a copy that renders into text (see render_fork) */
    void (*text)(Renderer *r, const Subject *s, Sb *out);   /* a copy: a subject and its decisions, into out */
    void (*put)(Renderer *r, const char *text, size_t n);   /* text rendered by a copy, in turn (NULL: written as it is) */
} RenderOps;

/* The first member of every renderer. */
struct Renderer {
    const RenderOps *ops;
    FILE *out;
    RenderInfo info;
};

/* For a format's begin: a zeroed renderer of size bytes (a struct that
   starts with its Renderer) writing to out. */
void *render_alloc(size_t size, FILE *out, const RenderInfo *info);
/* A renderer of the named format writing to out, or NULL when there is no such format. */
Renderer *render_begin(const char *format, FILE *out, const RenderInfo *info);
void render_section(Renderer *r, const Section *s);
/* A subject and each of its decisions. */
void render_subject(Renderer *r, const Subject *s);
void render_end(Renderer *r);
void render_free(Renderer *r);
/* Whether there is a format of that name. */
bool render_known(const char *format);
/* The format names, for messages: "table, jsonl or csv". */
const char *render_formats(void);

/* Rendering on other threads (qpl eval --jobs). A format whose output of a
   subject depends on that subject alone (jsonl, and csv but --wide) forks:
   a copy of r, as of its current section, that renders subjects into text
   on another thread (each thread its own copy); NULL for the other formats
   and options. render_put writes text made by copies through r, in order
   with what r writes itself. */
Renderer *render_fork(const Renderer *r);
void render_subject_text(Renderer *copy, const Subject *s, Sb *out);
void render_put(Renderer *r, const char *text, size_t n);

#endif
