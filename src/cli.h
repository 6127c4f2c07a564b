/* cli.h: the subcommands. */
#ifndef QPL_CLI_H
#define QPL_CLI_H

#include "program.h"

int cmd_check(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_repl(int argc, char **argv);
int cmd_init_db(int argc, char **argv);

#endif
