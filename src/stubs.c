#include <stdio.h>
#include "cli.h"
int cmd_eval(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int cmd_test(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int cmd_repl(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int cmd_init_db(int argc, char **argv) { (void)argc; (void)argv; return 2; }
