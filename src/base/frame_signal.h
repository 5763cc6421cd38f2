/* frame_signal: the one fact "the render thread is drawing a frame", for
 * the threads that must not slow it down. The visit raises it around each
 * frame it draws and presents (visit_drawing); a decoder or a helper on a
 * worker thread waits at its pause points while it is up. There is one
 * render thread, so there is one signal, process-wide, like the log.
 *
 * Why: on 2 cores, a thread helping with a photo takes the core a frame
 * needs, and a decode streaming through its buffers made a crossfade's
 * frames a third slower (docs/performance.md). */
#ifndef TWINHALL_FRAME_SIGNAL_H
#define TWINHALL_FRAME_SIGNAL_H

enum frame_phase {
	FRAME_IDLE,       /* no frame being drawn */
	FRAME_DRAWING,    /* a frame: threads helping with a photo pause */
	FRAME_TRANSITION, /* a frame of a crossfade or slide: every decode pauses */
};

/* The render thread: the phase from now on. */
void frame_signal_set(enum frame_phase p);

/* The phase now. */
enum frame_phase frame_signal_get(void);

/* A worker's pause point: returns at once while the phase is below p,
 * otherwise when it drops below p, or after FRAME_SIGNAL_MAX_MS (a frame
 * that never ends must not stop a decode for good). */
void frame_signal_wait_below(enum frame_phase p);

enum { FRAME_SIGNAL_MAX_MS = 50 };

#endif
