/* thread_background: the threads that decode, parse and watch yield the CPU
 * to the render thread. On two cores the render thread shares them with two
 * decoders and the content loader; at equal priority a frame drawn while
 * they work took two or three times as long, and even ten nice steps lower
 * a frame still waited behind them, where in the idle class it did not
 * (docs/performance.md). */
#ifndef TWINHALL_THREAD_BACKGROUND_H
#define TWINHALL_THREAD_BACKGROUND_H

/* Puts the calling thread in Linux's SCHED_IDLE class: it runs only when no
 * ordinary thread wants the core, and a waking render thread takes the core
 * at once. It also lowers the thread's nice value by 10 steps (the kernel
 * stops at 19), which is what is left when SCHED_IDLE is refused. Both need
 * no privilege (sched(7)); when they fail anyway the thread goes on as it
 * was. Only the calling thread changes: Linux keeps both per thread. */
void thread_background(void);

/* At the stop: every thread of this process in the idle class goes back to
 * the ordinary class at the main thread's nice value (none when the main
 * thread is in the idle class itself, started so), so that joining them
 * (and the kernel ending them) does not wait on a busy machine for a CPU
 * the idle class would not get: a decoder starved by a busy neighbour held
 * the exit for seconds. Needs CAP_SYS_NICE or an RLIMIT_NICE that allows
 * that nice value (the unit's LimitNICE=+0); without either the threads
 * stay as they are. Async-signal-safe (system calls only), so the stop
 * signal's handler calls it: the main thread may be waiting on a lock that
 * a starved thread holds. Returns how many threads were moved. */
int thread_background_end_all(void);

#endif
