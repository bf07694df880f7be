# refscope: every entry point. `make` builds the optimised native CLI,
# `make test` builds everything and runs every test (also under ASan/UBSan),
# `make demo` runs the seed FAQ example, `make deps` installs what is missing.

CC      ?= cc
BUILD   ?= build
CSTD     = -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L
WARN     = -Wall -Wextra -Werror
CFLAGS  ?= -O2
LIBS     = -lm

LIB_PY  := $(sort $(wildcard runtime/lib/*.py))
LIB_GEN := $(BUILD)/gen/lib_sources.c
LIB_SRC := $(sort $(wildcard runtime/core/*.c runtime/compiler/*.c runtime/objects/*.c runtime/gc/*.c \
             runtime/vm/*.c runtime/modules/*.c runtime/api/*.c)) $(LIB_GEN)
CLI_SRC := $(sort $(wildcard runtime/cli/*.c))
HEADERS := $(wildcard runtime/*/*.h runtime/include/*.h)

OBJ       := $(LIB_SRC:%.c=$(BUILD)/release/%.o)
DEBUG_OBJ := $(LIB_SRC:%.c=$(BUILD)/debug/%.o)
MEMCHECK_OBJ := $(LIB_SRC:%.c=$(BUILD)/memcheck/%.o)
SAN       := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all wasm web serve debug fuzz fuzz-build test test-unit test-scripts demo deps oracle oracle-check oracle-hosts bench bench-observe clean

all: $(BUILD)/refscope

# The Python modules of runtime/lib/, compiled into the library as C strings.
$(LIB_GEN): $(LIB_PY) tools/embed_lib.py
	@mkdir -p $(dir $@)
	python3 tools/embed_lib.py $@ $(LIB_PY)

$(BUILD)/release/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) -c $< -o $@

$(BUILD)/debug/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -g $(SAN) -DRS_MEM_DIRECT -DRS_CHECK_LEAKS -DRS_CHECK_INVARIANTS -c $< -o $@

# For valgrind's memcheck: no sanitizer, every block from malloc, the debug checks on.
$(BUILD)/memcheck/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O1 -g -DRS_MEM_DIRECT -DRS_CHECK_INVARIANTS -c $< -o $@

$(BUILD)/refscope-memcheck: $(CLI_SRC) runtime/cli/cli.h runtime/include/refscope.h $(MEMCHECK_OBJ)
	$(CC) $(CSTD) $(WARN) -O1 -g $(CLI_SRC) $(MEMCHECK_OBJ) $(LIBS) -o $@

$(BUILD)/librefscope.a: $(OBJ)
	ar rcs $@ $^

$(BUILD)/librefscope-debug.a: $(DEBUG_OBJ)
	ar rcs $@ $^

$(BUILD)/refscope: $(CLI_SRC) runtime/cli/cli.h runtime/include/refscope.h $(BUILD)/librefscope.a
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(CLI_SRC) $(BUILD)/librefscope.a $(LIBS) -o $@

$(BUILD)/refscope-debug: $(CLI_SRC) runtime/cli/cli.h runtime/include/refscope.h $(BUILD)/librefscope-debug.a
	$(CC) $(CSTD) $(WARN) -O1 -g $(SAN) $(CLI_SRC) $(BUILD)/librefscope-debug.a $(LIBS) -o $@

debug: $(BUILD)/refscope-debug

# ---- WebAssembly (Emscripten): the npm package's core, wasm/dist/refscope-core.{js,wasm} ----
# Debian's emcc needs Debian's node modules (acorn) on NODE_PATH; the Node branch of Emscripten's ES module does
# not load under Node as an ES module, so the package hands the bytes over itself (see wasm/index.js).
EMCC       = NODE_PATH=/usr/share/nodejs emcc
WASM_OPT  ?= -O3 -flto
WASM_GLUE := $(wildcard wasm/src/*.c)
WASM_EXPORTS = _malloc,_free,_rsw_run,_rsw_result_exit_code,_rsw_result_code,_rsw_result_stats,_rsw_result_error,_rsw_result_events_dropped,_rsw_result_heap,_rsw_result_free,_rsw_flush,_rs_cli_main
WASM_FLAGS = -sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createRefscopeCore -sENVIRONMENT=web,worker \
  -sALLOW_MEMORY_GROWTH -sFILESYSTEM=1 -sEXIT_RUNTIME=0 -sEXPORTED_FUNCTIONS=$(WASM_EXPORTS) \
  -sEXPORTED_RUNTIME_METHODS=FS,UTF8ToString,stringToUTF8,lengthBytesUTF8 -Dmain=rs_cli_main

wasm: wasm/dist/refscope-core.js

# ---- the playground: a static site in web/dist (vite; its npm packages are locked in package-lock.json) ----
WEB_SRC := web/index.html web/vite.config.js $(wildcard web/src/*) $(wildcard examples/*.py)

web: web/dist/index.html

web/dist/index.html: $(WEB_SRC) wasm/dist/refscope-core.js wasm/index.js package-lock.json
	@tools/deps.sh >/dev/null
	npx vite build web --logLevel warn

# Serves web/dist on 127.0.0.1 (PORT=8000 by default).
serve: web
	@echo "the playground: http://127.0.0.1:$${PORT:-8000}/"
	@node tools/serve.js web/dist $${PORT:-8000}

wasm/dist/refscope-core.js: $(LIB_SRC) $(CLI_SRC) runtime/cli/cli.h $(WASM_GLUE) $(HEADERS)
	@mkdir -p $(dir $@)
	$(EMCC) $(CSTD) $(WARN) $(WASM_OPT) $(WASM_FLAGS) $(LIB_SRC) $(CLI_SRC) $(WASM_GLUE) -lm -o $@

UNIT_SRC := $(wildcard tests/unit/test_*.c)

# Unit tests use internal headers and run under ASan/UBSan.
$(BUILD)/unit-tests: $(UNIT_SRC) tests/unit/helpers.h tests/unit/failing_alloc.h $(BUILD)/librefscope-debug.a
	$(CC) $(CSTD) $(WARN) -O1 -g $(SAN) -DRS_MEM_DIRECT $(UNIT_SRC) $(BUILD)/librefscope-debug.a -lcriterion $(LIBS) -o $@

# ---- fuzzing (clang's libFuzzer; not part of `make test`): tools/fuzz, see docs/hardening.md ----
# The library is built once more with coverage instrumentation, ASan/UBSan and the debug checks; a failed check
# aborts, which libFuzzer reports with the input that caused it. FUZZ_SECONDS is each harness's share of the time.
FUZZ_CC      ?= clang
FUZZ_CFLAGS   = -O1 -g $(SAN) -DRS_MEM_DIRECT -DRS_CHECK_LEAKS -DRS_CHECK_INVARIANTS -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
FUZZ_OBJ     := $(LIB_SRC:%.c=$(BUILD)/fuzz/%.o)
FUZZ_TARGETS := $(patsubst tools/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tools/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 300

# The runtime's fopen calls (open(), imports) go to the sandbox's (tools/fuzz/sandbox.c); libFuzzer's own do not.
$(BUILD)/fuzz/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(WARN) $(FUZZ_CFLAGS) -Dfopen=sandbox_fopen -fsanitize=fuzzer-no-link -c $< -o $@

$(BUILD)/fuzz/fuzz_%: tools/fuzz/fuzz_%.c tools/fuzz/sandbox.c tools/fuzz/sandbox.h tests/unit/failing_alloc.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(CSTD) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< tools/fuzz/sandbox.c $(FUZZ_OBJ) $(LIBS) -o $@

# (named only in a pattern rule, the objects would count as intermediate and be deleted after each build)
.SECONDARY: $(FUZZ_OBJ)

fuzz-build: $(FUZZ_TARGETS)

fuzz: fuzz-build
	python3 tools/fuzz/run.py --build $(BUILD) --seconds $(FUZZ_SECONDS)

deps:
	@tools/deps.sh

# Everything: unit tests, golden scripts on the optimised build and under ASan/UBSan.
test: deps
	@$(MAKE) --no-print-directory all debug $(BUILD)/refscope-memcheck $(BUILD)/unit-tests wasm web
	@tests/run_all.sh $(BUILD)

test-unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

test-scripts: all
	python3 tests/run_scripts.py --binary $(BUILD)/refscope

# Re-record the golden expectations from python3 (CPython 3.11), the oracle.
oracle:
	python3 tools/oracle.py

oracle-check:
	python3 tools/oracle.py --check

# tools/bench/scripts under python3, refscope native, its wasm build in Node and pypy3 (when installed): medians of
# runs taking turns, ratios, peak RSS, the package's size and start-up; writes docs/benchmarks.md.
bench: all wasm
	python3 tools/bench/run.py

# What the stats and event hooks cost: against a build with them compiled out, and with --trace on.
bench-observe:
	python3 tools/bench/observe_cost.py

demo: all
	@tools/demo.sh $(BUILD)/refscope

# The examples under python3, pypy3 and jython (when installed) beside refscope's models.
oracle-hosts: all
	@python3 tools/host_oracle.py $(BUILD)/refscope

clean:
	rm -rf $(BUILD)
