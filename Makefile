# qpl: policy-as-code for commissioners of care services.

PREFIX  ?= /usr/local
VERSION := 0.1.0
CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN    := -Wall -Wextra -Werror
OPT     ?= -O2 -g
CFLAGS  ?=
LDLIBS  := -lsqlite3 -ledit
GENWARN := -Wno-unused-function -Wno-sign-compare -Wno-unused-but-set-variable -Wno-unused-parameter

SRCS := $(filter-out src/main.c,$(wildcard src/*.c))
GEN  := build/gen/qlex.c build/gen/qparse.c
DEFS := -DQPL_VERSION='"$(VERSION)"' -DQPL_SHARE='"$(PREFIX)/share/qpl"'

.PHONY: all check demo install clean deps unit fuzz bench
all: deps qpl

# Install the build dependencies from Debian when missing (as root), or say how.
deps:
	@sh tools/deps.sh

build/gen/qparse.c build/gen/qparse.h: grammar/qparse.y
	@mkdir -p build/gen
	bison -Wall -Werror --defines=build/gen/qparse.h -o build/gen/qparse.c $<

build/gen/qlex.c build/gen/qlex.h: grammar/qlex.l build/gen/qparse.h
	@mkdir -p build/gen
	flex --header-file=build/gen/qlex.h -o build/gen/qlex.c $<

# Normal build.
build/o/%.o: src/%.c build/gen/qparse.h build/gen/qlex.h $(wildcard src/*.h)
	@mkdir -p build/o
	$(CC) $(CSTD) $(WARN) $(OPT) $(CFLAGS) $(DEFS) -Isrc -Ibuild/gen -c $< -o $@
build/o/gen_%.o: build/gen/%.c $(wildcard src/*.h)
	@mkdir -p build/o
	$(CC) $(CSTD) $(OPT) $(CFLAGS) $(GENWARN) -Isrc -Ibuild/gen -c $< -o $@

OBJS := $(patsubst src/%.c,build/o/%.o,$(SRCS)) build/o/gen_qlex.o build/o/gen_qparse.o

qpl: $(OBJS) build/o/main.o
	$(CC) $(OPT) $(CFLAGS) -o $@ $^ $(LDLIBS)

# Sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer).
SAN := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
build/san/%.o: src/%.c build/gen/qparse.h build/gen/qlex.h $(wildcard src/*.h)
	@mkdir -p build/san
	$(CC) $(CSTD) $(WARN) $(SAN) $(DEFS) -Isrc -Ibuild/gen -c $< -o $@
build/san/gen_%.o: build/gen/%.c $(wildcard src/*.h)
	@mkdir -p build/san
	$(CC) $(CSTD) $(SAN) $(GENWARN) -Isrc -Ibuild/gen -c $< -o $@
SANOBJS := $(patsubst src/%.c,build/san/%.o,$(SRCS)) build/san/gen_qlex.o build/san/gen_qparse.o
build/qpl-san: $(SANOBJS) build/san/main.o
	$(CC) $(SAN) -o $@ $^ $(LDLIBS)

build/test_date: tests/unit/test_date.c src/date.c src/date.h
	@mkdir -p build
	$(CC) $(CSTD) $(WARN) $(SAN) -Isrc tests/unit/test_date.c src/date.c -o $@

check: deps qpl build/qpl-san build/test_date
	@sh tests/run.sh ./qpl build/qpl-san build/test_date

demo: deps qpl
	@sh tools/demo.sh ./qpl

install: qpl
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/qpl/calendars $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 qpl $(DESTDIR)$(PREFIX)/bin/qpl
	install -m 644 stdlib/*.qpl stdlib/*.sql $(DESTDIR)$(PREFIX)/share/qpl/
	install -m 644 stdlib/calendars/*.csv $(DESTDIR)$(PREFIX)/share/qpl/calendars/
	install -m 644 docs/qpl.1 $(DESTDIR)$(PREFIX)/share/man/man1/qpl.1

clean:
	rm -rf build qpl examples/demo.db

# libFuzzer target for the front end (scanner, parser, checker): see docs/fuzzing.md.
FUZZCC ?= clang
FUZZFLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
build/fuzz_check: tests/fuzz/fuzz_check.c $(SRCS) $(GEN) $(wildcard src/*.h)
	@mkdir -p build
	$(FUZZCC) $(CSTD) $(FUZZFLAGS) $(DEFS) -Isrc -Ibuild/gen -o $@ tests/fuzz/fuzz_check.c $(SRCS) $(GEN) $(LDLIBS)
fuzz: build/fuzz_check
