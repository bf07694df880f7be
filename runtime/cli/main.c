/*
 * main.c: the refscope command-line program, an embedder that uses only
 * refscope.h. `refscope script.py [args]`, `refscope -c CODE`, a script on
 * standard input, or an interactive prompt on a terminal. Exit status as
 * python3's: 0, 1 for an uncaught exception, 2 for a usage error, or what
 * SystemExit asked for.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../include/refscope.h"

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

int main(int argc, char **argv) {
    rs_Options opts;
    rs_options_init(&opts);
    opts.write = write_out;
    opts.read_line = read_line;
    const char *command = NULL, *script = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
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
            command = argv[++i];
            i++;
            break;
        }
        if (!strcmp(a, "--gc-stress")) {
            opts.gc_stress = 1;
            continue;
        }
        if (!strcmp(a, "--memory-limit") || !strcmp(a, "--recursion-limit")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "refscope: %s needs a value\n", a);
                return 2;
            }
            if (a[2] == 'm') opts.memory_limit = parse_size(argv[++i]);
            else opts.recursion_limit = atoi(argv[++i]);
            continue;
        }
        if (a[0] == '-' && a[1] && strcmp(a, "-") != 0) {
            fprintf(stderr, "refscope: unknown option %s\n%s", a, usage);
            return 2;
        }
        script = a;
        i++;
        break;
    }
    /* sys.argv: the script (or -c / '') and what follows */
    const char **sargv = malloc(sizeof(char *) * (size_t)(argc + 2));
    if (!sargv) return 1;
    int sargc = 0;
    sargv[sargc++] = command ? "-c" : script ? script : "";
    for (; i < argc; i++) sargv[sargc++] = argv[i];
    opts.argc = sargc;
    opts.argv = sargv;
    const char *stress = getenv("RS_GC_STRESS");
    if (stress && *stress) opts.gc_stress = atoi(stress);
    rs_State *S = rs_open(&opts);
    if (!S) {
        fprintf(stderr, "refscope: out of memory\n");
        free(sargv);
        return 1;
    }
    int status;
    if (command) {
        status = status_of(S, rs_run_string(S, command, strlen(command), "<string>"));
    } else if (script && strcmp(script, "-") != 0) {
        /* Tracebacks and __file__ name the script by its absolute path, as python3 does. */
        char path[4096], cwd[4096];
        if (script[0] != '/' && getcwd(cwd, sizeof cwd) && (size_t)snprintf(path, sizeof path, "%s/%s", cwd, script) < sizeof path)
            script = path;
        int r = rs_run_file(S, script);
        if (r == RS_ERROR_MISUSE) {
            fprintf(stderr, "%s: %s\n", argv[0], rs_last_error(S));
            status = 2;
        } else {
            status = status_of(S, r);
        }
    } else if (!script && isatty(0)) {
        status = interactive(S);
    } else {
        char *src;
        size_t len;
        if (read_all(stdin, &src, &len) < 0) {
            fprintf(stderr, "refscope: cannot read standard input\n");
            status = 1;
        } else {
            status = status_of(S, rs_run_string(S, src, len, "<stdin>"));
            free(src);
        }
    }
    rs_close(S);
    free(sargv);
    fflush(stdout);
    if (interrupted) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status;
}
