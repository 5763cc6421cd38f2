/* signals: what the process was asked by signal, for the main loop to act
 * on between frames. SIGTERM and SIGINT end the program cleanly, SIGHUP
 * reads the content again; as test hooks, SIGUSR2 hangs the loop (see
 * signals_stall) and SIGUSR1 acts as if the graphics device had been
 * reset. The handlers only set flags; process-wide, main thread only. */
#ifndef TWINHALL_SIGNALS_H
#define TWINHALL_SIGNALS_H

#include <stdbool.h>

/* Installs the handlers, in place of SDL's own, so that in kiosk mode a
 * window close cannot pass for them. SIGUSR1 and SIGUSR2 act only with
 * test_hooks (TWINHALL_TEST_HOOKS=1); otherwise they are ignored. */
void signals_install(bool test_hooks);

/* Before anything else in main: stdin, stdout and stderr opened on
 * /dev/null where they were closed (so no later file, such as the X11
 * connection, takes fd 1 or 2 and receives the log lines), and SIGPIPE
 * ignored (a closed log pipe is a failed write, not the end of the hall).
 * Returns how many of the three it had to open. */
int signals_guard_stdio(void);

/* The signal asking the program to stop (SIGTERM, SIGINT), or 0. */
int signals_stop(void);

/* Whether SIGHUP (read the content again) came since the last call. */
bool signals_take_reload(void);

/* Whether SIGUSR1 (act as on a device reset) came since the last call. */
bool signals_take_reset(void);

/* Whether SIGUSR2 asked for a hang. */
bool signals_stall_asked(void);

/* The hang SIGUSR2 asks for: returns only once a stop is asked. No frame,
 * no watchdog ping meanwhile, so systemd's watchdog can be seen to act. */
void signals_stall(void);

#endif
