/*
 * main.c: the refscope command-line program, an embedder that uses only
 * refscope.h. `refscope script.py [args]`, `refscope -c CODE`, a script on
 * standard input, or an interactive prompt on a terminal; --stats, --trace
 * and --compare show what the memory manager did (trace.c, report.c). Exit
 * status as python3's: 0, 1 for an uncaught exception, 2 for a usage error,
 * or what SystemExit asked for.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "cli.h"

static const char usage[] =
    "usage: refscope [option] ... [-c cmd | file | -] [arg] ...\n"
    "Runs a Python 3 program with CPython's memory management (reference counting\n"
    "and a generational cycle collector), so you can see when objects die.\n"
    "\n"
    "Options:\n"
    "  -c cmd          program passed in as a string\n"
    "  file            program read from a script file\n"
    "  -               program read from standard input (the default when it is not a terminal)\n"
    "  --memory-limit N  fail with MemoryError beyond N bytes (suffixes k, M, G)\n"
    "  --recursion-limit N  the initial sys.getrecursionlimit() (default 1000)\n"
    "  --gc-stress     run the cycle collector before every container allocation\n"
    "                  (also RS_GC_STRESS=1); slow, for finding bugs\n"
    "  --gc MODEL      how memory is reclaimed: cpython (the default: reference counting),\n"
    "                  jvm, clr or boehm (tracing collections, finalizers from a queue)\n"
    "  --young-size N  jvm/clr/boehm: objects allocated between young collections\n"
    "                  (default 2048)\n"
    "  --finalizer-slice N  finalizers the finalizer thread runs per turn (all: -1)\n"
    "  --finalizer-period N  safe points (loop iterations, container allocations)\n"
    "                  between its turns (jvm: 64, clr and boehm: 1)\n"
    "  --step-limit N  stop the program after N bytecode instructions (exit status 1)\n"
    "  --max-open-files N  files open() may hold at once (default 1024); beyond,\n"
    "                  OSError: [Errno 24] Too many open files\n"
    "  --stats[=json]  at exit, print what the memory manager did to stderr: a table,\n"
    "                  or JSON (docs/stats.schema.json)\n"
    "  --trace FILE    write every memory event to FILE as JSON lines\n"
    "  --trace-format F  jsonl (default) or chrome (opens in Perfetto, chrome://tracing)\n"
    "  --trace-kinds K   the events to keep: alloc,free,finalize,gc,weakref,file or all\n"
    "  --trace-limit N   keep the first N events (default 1000000); the rest are counted\n"
    "  --compare MODELS  run the program under each model (e.g. cpython) and report\n"
    "                  the differences; --compare-json MODELS gives them as JSON\n"
    "  -h, --help      print this message and exit\n"
    "  -V, --version   print the version and exit\n"
    "\n"
    "With no program and a terminal on standard input, an interactive prompt starts.\n";

static void write_out(void *ud, int stream, const char *data, size_t len) {
    (void)ud;
    fwrite(data, 1, len, stream == 2 ? stderr : stdout);
    if (stream == 2) fflush(stderr);
}

static size_t read_line(void *ud, char *buf, size_t cap) {
    (void)ud;
    fflush(stdout);
    if (!fgets(buf, (int)cap, stdin)) return 0;
    return strlen(buf);
}

static int read_all(FILE *f, char **out, size_t *len) {
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    if (!buf) return -1;
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
    }
    *out = buf;
    *len = n;
    return 0;
}

static bool interrupted;

static int status_of(rs_State *S, int r) {
    if (r == RS_OK) return 0;
    if (r == RS_ERROR_EXIT) return rs_exit_status(S);
    /* an uncaught KeyboardInterrupt ends the process by SIGINT, as python3 does */
    if (strncmp(rs_last_error(S), "KeyboardInterrupt", 17) == 0) interrupted = true;
    return 1;
}

static int interactive(rs_State *S) {
    fprintf(stderr, "refscope %s (Python %s subset; CPython memory management)\n", RS_VERSION, RS_PYTHON_VERSION);
    fprintf(stderr, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
    char *text = NULL;
    size_t len = 0, cap = 0;
    char line[4096];
    for (;;) {
        fputs(len ? "... " : ">>> ", stderr);
        fflush(stderr);
        if (!fgets(line, sizeof line, stdin)) {
            fputc('\n', stderr);
            break;
        }
        size_t n = strlen(line);
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *nt = realloc(text, cap);
            if (!nt) break;
            text = nt;
        }
        memcpy(text + len, line, n);
        len += n;
        text[len] = 0;
        bool first = len == n, blank = n <= 1 || (n == 2 && line[0] == '\r');
        int incomplete = 0, r = RS_OK;
        if (first) {
            if (blank) {
                len = 0;
                continue;
            }
            r = rs_run_interactive(S, text, len, &incomplete);
            if (incomplete) continue;
        } else {
            /* a compound statement ends at a blank line */
            if (!blank) continue;
            r = rs_run_interactive(S, text, len, &incomplete);
        }
        len = 0;
        if (r == RS_ERROR_EXIT) {
            free(text);
            return rs_exit_status(S);
        }
    }
    free(text);
    return 0;
}

static size_t parse_size(const char *s) {
    char *end;
    double v = strtod(s, &end);
    if (*end == 'k' || *end == 'K') v *= 1024;
    else if (*end == 'M' || *end == 'm') v *= 1024 * 1024;
    else if (*end == 'G' || *end == 'g') v *= 1024.0 * 1024 * 1024;
    return v > 0 ? (size_t)v : 0;
}

/* What the command line asked for. */
typedef struct Config {
    rs_Options opts;
    const char *command, *script; /* -c CODE, or a file ("-": standard input) */
    char script_path[4096];
    enum { STATS_NONE, STATS_TABLE, STATS_JSON } stats;
    const char *trace_path;
    TraceFormat trace_format;
    unsigned trace_kinds;
    uint64_t trace_limit;
    const char *compare;          /* comma-separated models */
    bool compare_json;
} Config;

static int usage_error(const char *fmt, const char *arg) {
    fputs("refscope: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'refscope --help' for more information.\n", stderr);
    return 2;
}

/* An option's value: the rest of "--name=value", or the next argument. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
    size_t n = strlen(name);
    if (argv[*i][n] == '=') return argv[*i] + n + 1;
    if (argv[*i][n] == 0 && *i + 1 < argc) return argv[++*i];
    return NULL;
}

static bool is_option(const char *a, const char *name) {
    size_t n = strlen(name);
    return !strncmp(a, name, n) && (a[n] == 0 || a[n] == '=');
}

/* Parses argv; returns -1 to go on, or the exit status (help, version, usage error). First is set to the index of
   the program's own arguments. */
static int parse_args(Config *c, int argc, char **argv, int *first) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("refscope %s (Python %s)\n", RS_VERSION, RS_PYTHON_VERSION);
            return 0;
        }
        if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the -c option\n%s", usage);
                return 2;
            }
            c->command = argv[++i];
            i++;
            break;
        }
        if (!strcmp(a, "--gc-stress")) {
            c->opts.gc_stress = 1;
        } else if (!strcmp(a, "--stats") || !strcmp(a, "--stats=table")) {
            c->stats = STATS_TABLE;
        } else if (!strcmp(a, "--stats=json")) {
            c->stats = STATS_JSON;
        } else if (is_option(a, "--memory-limit") || is_option(a, "--recursion-limit")) {
            if (!(v = option_value(argc, argv, &i, a[2] == 'm' ? "--memory-limit" : "--recursion-limit")))
                return usage_error("%s needs a value", a);
            if (a[2] == 'm') c->opts.memory_limit = parse_size(v);
            else c->opts.recursion_limit = atoi(v);
        } else if (is_option(a, "--step-limit")) {
            if (!(v = option_value(argc, argv, &i, "--step-limit")) || strtoull(v, NULL, 10) == 0)
                return usage_error("%s needs a positive number", "--step-limit");
            c->opts.step_limit = strtoull(v, NULL, 10);
        } else if (is_option(a, "--max-open-files")) {
            if (!(v = option_value(argc, argv, &i, "--max-open-files")) || atoi(v) <= 0)
                return usage_error("%s needs a positive number", "--max-open-files");
            c->opts.max_open_files = atoi(v);
        } else if (is_option(a, "--gc")) {
            if (!(v = option_value(argc, argv, &i, "--gc"))) return usage_error("%s needs a value", "--gc");
            int m = rs_model_from_name(v);
            if (m < 0) return usage_error("unknown model '%s' (the models: cpython, jvm, clr, boehm)", v);
            c->opts.model = (rs_Model)m;
        } else if (is_option(a, "--young-size")) {
            if (!(v = option_value(argc, argv, &i, "--young-size")) || !(c->opts.young_size = parse_size(v)))
                return usage_error("%s needs a positive number of objects", "--young-size");
        } else if (is_option(a, "--finalizer-slice") || is_option(a, "--finalizer-period")) {
            bool slice = a[12] == 's';
            if (!(v = option_value(argc, argv, &i, slice ? "--finalizer-slice" : "--finalizer-period")) ||
                (atoi(v) <= 0 && !(slice && atoi(v) == -1)))
                return usage_error("%s needs a positive number", slice ? "--finalizer-slice" : "--finalizer-period");
            if (slice) c->opts.finalizer_slice = atoi(v);
            else c->opts.finalizer_period = atoi(v);
        } else if (is_option(a, "--trace")) {
            if (!(c->trace_path = option_value(argc, argv, &i, "--trace"))) return usage_error("%s needs a file", "--trace");
        } else if (is_option(a, "--trace-format")) {
            if (!(v = option_value(argc, argv, &i, "--trace-format"))) return usage_error("%s needs a value", a);
            if (!strcmp(v, "chrome")) c->trace_format = TRACE_CHROME;
            else if (!strcmp(v, "jsonl")) c->trace_format = TRACE_JSONL;
            else return usage_error("unknown trace format '%s' (jsonl or chrome)", v);
        } else if (is_option(a, "--trace-kinds")) {
            if (!(v = option_value(argc, argv, &i, "--trace-kinds"))) return usage_error("%s needs a value", a);
            if (!(c->trace_kinds = trace_parse_kinds(v)))
                return usage_error("unknown event kinds '%s' (alloc,free,finalize,gc,weakref,file or all)", v);
        } else if (is_option(a, "--trace-limit")) {
            if (!(v = option_value(argc, argv, &i, "--trace-limit"))) return usage_error("%s needs a value", a);
            c->trace_limit = strtoull(v, NULL, 10);
        } else if (is_option(a, "--compare") || is_option(a, "--compare-json")) {
            c->compare_json = is_option(a, "--compare-json");
            if (!(c->compare = option_value(argc, argv, &i, c->compare_json ? "--compare-json" : "--compare")))
                return usage_error("%s needs a list of models", a);
        } else if (a[0] == '-' && a[1] && strcmp(a, "-") != 0) {
            fprintf(stderr, "refscope: unknown option %s\n%s", a, usage);
            return 2;
        } else {
            c->script = a;
            i++;
            break;
        }
    }
    *first = i;
    return -1;
}

/* Runs the program the config names in S (not the interactive prompt); returns the exit status. */
static int run_program(rs_State *S, Config *c, const char *stdin_text, size_t stdin_len, const char *argv0) {
    if (c->command) return status_of(S, rs_run_string(S, c->command, strlen(c->command), "<string>"));
    if (c->script && strcmp(c->script, "-") != 0) {
        int r = rs_run_file(S, c->script);
        if (r == RS_ERROR_MISUSE) {
            fprintf(stderr, "%s: %s\n", argv0, rs_last_error(S));
            return 2;
        }
        return status_of(S, r);
    }
    return status_of(S, rs_run_string(S, stdin_text, stdin_len, "<stdin>"));
}

/* ---- --compare: one run per model, output captured ---- */

static void append(char **buf, size_t *len, size_t *cap, const char *data, size_t n) {
    if (*len + n + 1 > *cap) {
        size_t ncap = (*len + n + 1) * 2;
        char *nb = realloc(*buf, ncap);
        if (!nb) return;
        *buf = nb;
        *cap = ncap;
    }
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = 0;
}

static void capture_write(void *ud, int stream, const char *data, size_t len) {
    RunRecord *r = ud;
    if (stream == 2) append(&r->err, &r->err_len, &r->err_cap, data, len);
    else append(&r->out, &r->out_len, &r->out_cap, data, len);
}

/* ALLOC: the object's ordinal among its type's. (A type's name stays at one address while the type lives.) */
static void record_allocation(RunRecord *r, const rs_Event *e) {
    if (r->ntype_counts * 2 >= r->type_counts_cap) {
        size_t cap = r->type_counts_cap ? r->type_counts_cap * 2 : 256;
        struct TypeCount *t = calloc(cap, sizeof *t);
        if (!t) return;
        for (size_t i = 0; i < r->type_counts_cap; i++) {
            if (!r->type_counts[i].name) continue;
            size_t h = ((uintptr_t)r->type_counts[i].name >> 4) & (cap - 1);
            while (t[h].name) h = (h + 1) & (cap - 1);
            t[h] = r->type_counts[i];
        }
        free(r->type_counts);
        r->type_counts = t;
        r->type_counts_cap = cap;
    }
    size_t h = ((uintptr_t)e->type_name >> 4) & (r->type_counts_cap - 1);
    while (r->type_counts[h].name && r->type_counts[h].name != e->type_name) h = (h + 1) & (r->type_counts_cap - 1);
    if (!r->type_counts[h].name) {
        r->type_counts[h].name = e->type_name;
        r->ntype_counts++;
    }
    uint32_t ordinal = ++r->type_counts[h].count;
    if (e->serial >= r->ordinals_cap) {
        size_t cap = r->ordinals_cap ? r->ordinals_cap : 4096;
        while (cap <= e->serial) cap *= 2;
        uint32_t *o = realloc(r->ordinals, cap * sizeof *o);
        if (!o) return;
        memset(o + r->ordinals_cap, 0, (cap - r->ordinals_cap) * sizeof *o);
        r->ordinals = o;
        r->ordinals_cap = cap;
    }
    r->ordinals[e->serial] = ordinal;
}

static void record_event(void *ud, const rs_Event *e) {
    RunRecord *r = ud;
    if (e->kind == RS_EV_ALLOC) {
        record_allocation(r, e);
        return;
    }
    if (r->nfinals == r->finals_cap) {
        size_t cap = r->finals_cap ? r->finals_cap * 2 : 64;
        Finalization *nf = realloc(r->finals, cap * sizeof *nf);
        if (!nf) return;
        r->finals = nf;
        r->finals_cap = cap;
    }
    Finalization *f = &r->finals[r->nfinals++];
    f->serial = e->serial;
    f->ordinal = e->serial < r->ordinals_cap ? r->ordinals[e->serial] : 0;
    f->clock = e->clock;
    f->line = e->line;
    snprintf(f->type, sizeof f->type, "%s", e->type_name);
}

static int compare(Config *c, const char *stdin_text, size_t stdin_len, const char *argv0) {
    RunRecord runs[8];
    int n = 0;
    char list[256];
    snprintf(list, sizeof list, "%s", c->compare);
    char *rest = NULL;
    for (char *name = strtok_r(list, ",", &rest); name; name = strtok_r(NULL, ",", &rest)) {
        int m = rs_model_from_name(name);
        if (m < 0) return usage_error("unknown model '%s' (the models: cpython, jvm, clr, boehm)", name);
        if (n == 8) return usage_error("%s: at most 8 models", "--compare");
        memset(&runs[n], 0, sizeof runs[n]);
        runs[n].model = rs_model_name((rs_Model)m);
        n++;
    }
    for (int j = 0; j < n; j++) {
        RunRecord *r = &runs[j];
        rs_Options o = c->opts;
        o.model = (rs_Model)rs_model_from_name(r->model);
        o.write = capture_write;
        o.write_ud = r;
        rs_State *S = rs_open(&o);
        if (!S) {
            fprintf(stderr, "refscope: out of memory\n");
            return 1;
        }
        rs_set_event_hook(S, RS_EV_ALLOC | RS_EV_FINALIZE_START, record_event, r);
        r->status = run_program(S, c, stdin_text, stdin_len, argv0);
        rs_finish(S);
        rs_get_stats(S, &r->stats);
        size_t need = rs_stats_json(S, NULL, 0);
        if ((r->stats_json = malloc(need + 1))) rs_stats_json(S, r->stats_json, need + 1);
        rs_close(S);
    }
    if (c->compare_json) report_compare_json(stdout, runs, n);
    else report_compare(stdout, runs, n);
    int status = runs[0].status;
    for (int j = 0; j < n; j++) {
        free(runs[j].out);
        free(runs[j].err);
        free(runs[j].finals);
        free(runs[j].ordinals);
        free(runs[j].type_counts);
        free(runs[j].stats_json);
    }
    return status;
}

static void print_stats(rs_State *S, Config *c) {
    if (c->stats == STATS_JSON) {
        size_t need = rs_stats_json(S, NULL, 0);
        char *buf = malloc(need + 1);
        if (!buf) return;
        rs_stats_json(S, buf, need + 1);
        fprintf(stderr, "%s\n", buf);
        free(buf);
    } else {
        rs_Stats st;
        rs_get_stats(S, &st);
        const char *name = rs_model_name(c->opts.model);
        report_stats_table(stderr, &name, &st, 1);
    }
}

/* The program runs on the main thread: a run may use three quarters of its stack (ulimit -s, 8 MiB when unlimited),
   the rest is headroom for what runs below the checks. In wasm the library's default holds. */
static size_t main_stack_budget(void) {
#ifdef __EMSCRIPTEN__
    return 0;
#else
    struct rlimit r;
    size_t size = (size_t)8 << 20;
    if (getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur != RLIM_INFINITY) size = (size_t)r.rlim_cur;
    return size / 4 * 3;
#endif
}

int main(int argc, char **argv) {
    Config c;
    memset(&c, 0, sizeof c);
    rs_options_init(&c.opts);
    c.opts.stack_limit = main_stack_budget();
    c.opts.write = write_out;
    c.opts.read_line = read_line;
    c.trace_kinds = RS_EV_ALL;
    c.trace_limit = 1000000;
    int i = argc;
    int done = parse_args(&c, argc, argv, &i);
    if (done >= 0) return done;
    /* sys.argv: the script (or -c / '') and what follows */
    const char **sargv = malloc(sizeof(char *) * (size_t)(argc + 2));
    if (!sargv) return 1;
    int sargc = 0;
    sargv[sargc++] = c.command ? "-c" : c.script ? c.script : "";
    for (; i < argc; i++) sargv[sargc++] = argv[i];
    c.opts.argc = sargc;
    c.opts.argv = sargv;
    const char *stress = getenv("RS_GC_STRESS");
    if (stress && *stress) c.opts.gc_stress = atoi(stress);
    /* Tracebacks and __file__ name the script by its absolute path, as python3 does. */
    char cwd[4096];
    if (c.script && strcmp(c.script, "-") != 0 && c.script[0] != '/' && getcwd(cwd, sizeof cwd) &&
        (size_t)snprintf(c.script_path, sizeof c.script_path, "%s/%s", cwd, c.script) < sizeof c.script_path)
        c.script = c.script_path;
    bool prompt = !c.command && !c.script && isatty(0);
    char *stdin_text = NULL;
    size_t stdin_len = 0;
    if (!prompt && !c.command && (!c.script || !strcmp(c.script, "-")) && read_all(stdin, &stdin_text, &stdin_len) < 0) {
        fprintf(stderr, "refscope: cannot read standard input\n");
        free(sargv);
        return 1;
    }
    int status;
    if (c.compare) {
        status = compare(&c, stdin_text, stdin_len, argv[0]);
    } else {
        rs_State *S = rs_open(&c.opts);
        if (!S) {
            fprintf(stderr, "refscope: out of memory\n");
            free(stdin_text);
            free(sargv);
            return 1;
        }
        Trace trace;
        memset(&trace, 0, sizeof trace);
        if (c.trace_path) {
            if (!trace_open(&trace, c.trace_path, c.trace_format, c.trace_limit)) {
                fprintf(stderr, "refscope: cannot write the trace to %s\n", c.trace_path);
                rs_close(S);
                free(stdin_text);
                free(sargv);
                return 2;
            }
            trace.S = S;
            rs_set_event_hook(S, c.trace_kinds, trace_event, &trace);
        }
        status = prompt ? interactive(S) : run_program(S, &c, stdin_text, stdin_len, argv[0]);
        rs_finish(S);
        if (c.trace_path) {
            rs_set_event_hook(S, 0, NULL, NULL);
            trace_close(&trace);
        }
        if (c.stats) print_stats(S, &c);
        rs_close(S);
    }
    free(stdin_text);
    free(sargv);
    fflush(stdout);
    if (interrupted) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status;
}
