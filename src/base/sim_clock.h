/* sim_clock: the program's time, which tests may speed up. Normally the
 * monotonic milliseconds and the wall clock as they are; with a speed N,
 * time since the start passes N times faster (hours of idle timeouts and
 * opening hours in minutes, for the soak test), and the wall clock may
 * start at a given local time. Pure: the real readings are passed in. */
#ifndef TWINHALL_SIM_CLOCK_H
#define TWINHALL_SIM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct sim_clock {
	uint64_t speed;  /* 1: real time */
	uint64_t real0;  /* monotonic ms at the start */
	time_t wall0;    /* the wall clock at the start */
	bool wall_given; /* wall0 was given: the wall clock runs from it */
};

/* A clock starting now (real_ms, real_wall) at speed (0 counts as 1),
 * its wall clock at start_wall, or at real_wall when start_wall is -1. */
struct sim_clock sim_clock_start(uint64_t real_ms, time_t real_wall, uint64_t speed,
                                 time_t start_wall);

/* Monotonic milliseconds at real_ms. */
uint64_t sim_clock_ms(const struct sim_clock *c, uint64_t real_ms);

/* Real milliseconds from real_ms until the clock reads ms (0 if past). */
uint64_t sim_clock_real_wait(const struct sim_clock *c, uint64_t real_ms, uint64_t ms);

/* The wall clock at real_ms (real_wall: the real wall clock then, used as
 * it is at speed 1 with no start time given). */
time_t sim_clock_wall(const struct sim_clock *c, uint64_t real_ms, time_t real_wall);

/* Parses a local time "YYYY-MM-DD HH:MM[:SS]" (or with T); -1 when it is
 * not one. */
time_t sim_clock_parse_local(const char *s);

#endif
