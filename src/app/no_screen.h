/* no_screen: what the hall does when it cannot have a screen. It says why
 * in plain words, refuses a kiosk that nobody would see, and under
 * --kiosk waits before exiting, longer after each failed start in a row
 * (app/backoff.h counts them), so systemd's restarts never spin. */
#ifndef TWINHALL_NO_SCREEN_H
#define TWINHALL_NO_SCREEN_H

#include <stdbool.h>

#include "app/options.h"

/* The state folder the failed starts are counted in: --state-dir, else
 * systemd's $STATE_DIRECTORY; NULL (not counted) in a developer's run. */
const char *no_screen_count_dir(const struct options *o);

/* SDL's kmsdrm driver says "kmsdrm not available" for every failure: the
 * journal gets the reason in plain words (no device, no permission, no
 * monitor, another program holds the display). Only under kmsdrm. */
void no_screen_say_why(void);

/* Under --kiosk, waits before the exit (none after the first failure,
 * then longer each time), saying so once per step; SIGTERM still ends the
 * wait. Without --kiosk, returns at once. Returns the exit status: 0 when
 * a signal asked the hall to stop (systemctl stop, a package upgrade,
 * shutdown: a stop asked for is no failure of the unit), else 1. */
int no_screen_back_off(const struct options *o);

/* Under --kiosk, SDL's offscreen and dummy drivers would run a hall
 * nobody sees: true (refused, with a journal line saying so). Call after
 * SDL_Init. */
bool no_screen_kiosk_refuses(const struct options *o);

#endif
