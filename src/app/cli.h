/* cli.h: the subcommands of qpl; each returns the exit status (output.md:
   0 success, 1 errors in the policy or data or failed tests, 2 usage errors
   and files or databases that cannot be opened). */
#ifndef QPL_CLI_H
#define QPL_CLI_H

int cmd_check(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_repl(int argc, char **argv);
int cmd_init_db(int argc, char **argv);
int cmd_schema(int argc, char **argv);

#endif
