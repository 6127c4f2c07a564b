#include <stdio.h>
#include "cli.h"
