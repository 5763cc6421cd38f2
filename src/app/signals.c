#include "app/signals.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include "base/log.h"
#include "base/thread_background.h"

static volatile sig_atomic_t stop_signal, hup_signal, stall_signal, reset_signal;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		hup_signal = 1;
	else if (sig == SIGUSR2)
		stall_signal = 1;
	else if (sig == SIGUSR1)
		reset_signal = 1;
	else {
		stop_signal = sig;
		/* The main thread may be waiting on a lock held by a thread of the
		 * idle class that a busy machine starves: that one gets the CPU
		 * now, and the stop is prompt whatever the load. */
		thread_background_end_all();
	}
}

void signals_install(bool test_hooks)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (!test_hooks)
		sa.sa_handler = SIG_IGN; /* a stray signal neither ends nor hangs the hall */
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
}

int signals_guard_stdio(void)
{
	int opened = 0;
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* open takes the lowest free number: this one, as the lower
		 * ones are open by now. */
		int got = open("/dev/null", O_RDWR);
		if (got < 0)
			break;
		if (got != fd) { /* cannot happen; never keep a stray descriptor */
			close(got);
			break;
		}
		opened++;
	}
	signal(SIGPIPE, SIG_IGN);
	return opened;
}

int signals_stop(void)
{
	return (int)stop_signal;
}

bool signals_take_reload(void)
{
	bool asked = hup_signal;
	hup_signal = 0;
	return asked;
}

bool signals_take_reset(void)
{
	bool asked = reset_signal;
	reset_signal = 0;
	return asked;
}

bool signals_stall_asked(void)
{
	return stall_signal;
}

void signals_stall(void)
{
	log_warning("the main loop stops on SIGUSR2 (a hang on purpose, to test "
	            "the watchdog)");
	while (!stop_signal)
		SDL_Delay(50);
}
