# qpl: policy-as-code for commissioners of care services.

PREFIX  ?= /usr/local
VERSION := 0.2.0
CC      ?= cc
# qpl eval --jobs evaluates on threads: every build compiles and links with -pthread.
THREADS := -pthread
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L $(THREADS)
WARN    := -Wall -Wextra -Werror
# Link-time optimisation lets the evaluator inline across its modules (2% fewer
# instructions on the benchmark: docs/performance.md).
OPT     ?= -O2 -g -flto
CFLAGS  ?=
LDLIBS  := -lsqlite3 -ledit $(THREADS)
# The generated scanner and parser need these warnings relaxed, nothing more.
GENWARN := -Wno-unused-function -Wno-sign-compare -Wno-unused-but-set-variable -Wno-unused-parameter
DEFS    := -DQPL_VERSION='"$(VERSION)"' -DQPL_SHARE='"$(PREFIX)/share/qpl"'
# src/front and the generated files include each other's headers by name.
INC     := -Isrc/front -Ibuild/gen

SRCS := $(filter-out src/app/main.c,$(wildcard src/*/*.c src/*/*/*.c))
GEN  := build/gen/qlex.c build/gen/qparse.c
STAMP := build/deps.stamp

.PHONY: all check check-cc demo install clean deps fuzz bench
all: qpl

# The build dependencies (flex, bison, libsqlite3-dev, libedit-dev, sqlite3):
# tools/deps.sh installs what is missing from Debian (as root), or says how.
# It runs once; `make deps` runs it again.
$(STAMP):
	@mkdir -p build
	@sh tools/deps.sh
	@touch $@
deps:
	@sh tools/deps.sh

build/gen/qparse.c build/gen/qparse.h: grammar/qparse.y | $(STAMP)
	@mkdir -p build/gen
	bison -Wall -Werror --defines=build/gen/qparse.h -o build/gen/qparse.c $<

build/gen/qlex.c build/gen/qlex.h: grammar/qlex.l build/gen/qparse.h | $(STAMP)
	@mkdir -p build/gen
	flex --header-file=build/gen/qlex.h -o build/gen/qlex.c $<

# One object tree per build flavour: o (normal) and san (sanitizers).
OBJS    := $(patsubst src/%.c,build/o/%.o,$(SRCS)) build/o/gen/qlex.o build/o/gen/qparse.o
SANOBJS := $(patsubst src/%.c,build/san/%.o,$(SRCS)) build/san/gen/qlex.o build/san/gen/qparse.o
SAN     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# How each tree compiles our sources and the generated ones. Each tree is
# rebuilt when these change: build/o/flags and build/san/flags hold them as
# its objects were compiled, rewritten only when they differ.
CC_O      = $(CC) $(CSTD) $(WARN) $(OPT) $(CFLAGS) $(DEFS) $(INC)
CC_GEN_O  = $(CC) $(CSTD) $(OPT) $(CFLAGS) $(GENWARN) $(INC)
CC_SAN    = $(CC) $(CSTD) $(WARN) $(SAN) $(DEFS) $(INC)
CC_GEN_SAN = $(CC) $(CSTD) $(SAN) $(GENWARN) $(INC)
ifeq ($(filter clean,$(MAKECMDGOALS)),)
$(shell mkdir -p build/o build/san)
ifneq ($(file <build/o/flags),$(CC_O) | $(CC_GEN_O))
$(file >build/o/flags,$(CC_O) | $(CC_GEN_O))
endif
ifneq ($(file <build/san/flags),$(CC_SAN) | $(CC_GEN_SAN))
$(file >build/san/flags,$(CC_SAN) | $(CC_GEN_SAN))
endif
endif

build/o/%.o: src/%.c $(GEN) build/o/flags | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC_O) -MMD -MP -c $< -o $@
build/o/gen/%.o: build/gen/%.c build/o/flags
	@mkdir -p $(dir $@)
	$(CC_GEN_O) -MMD -MP -c $< -o $@
build/san/%.o: src/%.c $(GEN) build/san/flags | $(STAMP)
	@mkdir -p $(dir $@)
	$(CC_SAN) -MMD -MP -c $< -o $@
build/san/gen/%.o: build/gen/%.c build/san/flags
	@mkdir -p $(dir $@)
	$(CC_GEN_SAN) -MMD -MP -c $< -o $@

-include $(OBJS:.o=.d) $(SANOBJS:.o=.d) build/o/app/main.d build/san/app/main.d

qpl: $(OBJS) build/o/app/main.o
	$(CC) $(OPT) $(CFLAGS) -o $@ $^ $(LDLIBS)

build/qpl-san: $(SANOBJS) build/san/app/main.o
	$(CC) $(SAN) -o $@ $^ $(LDLIBS)

# Unit tests: date arithmetic, and the language tables against docs/language.md.
build/test_date: tests/unit/test_date.c src/runtime/date.c src/runtime/date.h build/san/flags | $(STAMP)
	$(CC) $(CSTD) $(WARN) $(SAN) -Isrc/runtime tests/unit/test_date.c src/runtime/date.c -o $@
build/test_lang: tests/unit/test_lang.c $(SANOBJS)
	$(CC) $(CSTD) $(WARN) $(SAN) $(INC) -Isrc tests/unit/test_lang.c $(SANOBJS) -o $@ $(LDLIBS)

# Every source through another compiler (OTHER_CC), warnings as errors, nothing
# written: what gcc accepts, clang must too (make check runs it where clang is installed).
OTHER_CC ?= clang
check-cc: $(GEN)
	@for f in $(SRCS) src/app/main.c; do $(OTHER_CC) $(CSTD) $(WARN) $(DEFS) $(INC) -fsyntax-only $$f || exit 1; done
	@for f in $(GEN); do $(OTHER_CC) $(CSTD) $(GENWARN) $(INC) -fsyntax-only $$f || exit 1; done

check: qpl build/qpl-san build/test_date build/test_lang
	@sh tests/run.sh ./qpl build/qpl-san build/test_date build/test_lang

demo: qpl
	@sh tools/demo.sh ./qpl

install: qpl
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/qpl/calendars $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 qpl $(DESTDIR)$(PREFIX)/bin/qpl
	install -m 644 stdlib/*.qpl stdlib/*.sql $(DESTDIR)$(PREFIX)/share/qpl/
	install -m 644 stdlib/calendars/*.csv $(DESTDIR)$(PREFIX)/share/qpl/calendars/
	install -m 644 docs/qpl.1 $(DESTDIR)$(PREFIX)/share/man/man1/qpl.1

clean:
	rm -rf build qpl examples/demo.db examples/leicestershire.db examples/northlincs.db

# libFuzzer targets: the front end (scanner, parser, checker) and evaluation
# (random databases and the bundled policies): see docs/fuzzing.md.
FUZZCC ?= clang
FUZZFLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
build/fuzz_check: tests/fuzz/fuzz_check.c $(SRCS) $(GEN)
	@mkdir -p build
	$(FUZZCC) $(CSTD) $(FUZZFLAGS) $(DEFS) $(INC) -o $@ tests/fuzz/fuzz_check.c $(SRCS) $(GEN) $(LDLIBS)
build/fuzz_eval: tests/fuzz/fuzz_eval.c $(SRCS) $(GEN)
	@mkdir -p build
	$(FUZZCC) $(CSTD) $(FUZZFLAGS) $(DEFS) $(INC) -o $@ tests/fuzz/fuzz_eval.c $(SRCS) $(GEN) $(LDLIBS)
fuzz: build/fuzz_check build/fuzz_eval
	@echo "run: build/fuzz_check -max_total_time=1800 tests/fuzz/corpus (see docs/fuzzing.md)"
	@echo "run: build/fuzz_eval -max_total_time=1800 tests/fuzz/eval-corpus (see docs/fuzzing.md)"
