/* bench_photos: the photo pipeline as visitors meet it, driven through the
 * real visit (touch input, navigation, texture cache, decoders) at
 * 1920x1080 on the content set that make_bench_photos generates (24 MP
 * JPEGs and a PNG scan per city). Headless with the software renderer by
 * default; with SDL_RENDER_DRIVER=NAME in the environment (and a display),
 * on a hidden window's renderer of that driver instead, as the hall draws
 * with OpenGL (make bench runs it so under an Xvfb of its own, with Mesa).
 * A size WxH after the content folder draws at that size instead (make
 * bench: 1920x1080 and 3840x2160). With BENCH_CACHE=DIR in the
 * environment the content is read through a store in DIR/state, as the
 * hall reads it, and the visit keeps and reads pictures at the screen's
 * size in DIR/pictures (the derivative cache: cold when DIR is empty,
 * warm after a run on it).
 * Prints figures, never fails on a number; compares with feh when it is
 * installed. Frame times are wall time; beside the ratios that judge them it
 * gives the same in the render thread's CPU time, which leaves out the turns
 * other tasks take on its core (on a virtual machine, kernel threads), and
 * how many frames had to wait so. Usage: bench_photos [CONTENT_DIR]; exit
 * status 2, with one line on stdout, when the renderer asked for cannot be
 * had. With BENCH_SLOW_MS=N in the environment it also tells, on stderr,
 * each frame slower than N ms (where the time went, what the tour was doing
 * and at which place) and the memory after each city of the tour. With
 * BENCH_START_ONLY=1 it prints one line of the start's figures after the
 * first frame with a photo (and the hall's own first read, live_start)
 * and exits: for repeated measurements of the start. */
#include <SDL.h>
#include <SDL_opengl.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "anon_map.h"
#include "base/bigalloc.h"
#include "base/perf_switch.h"
#include "content/content.h"
#include "image/deriv_cache.h"
#include "live/live.h"
#include "live/store.h"
#include "render/draw.h"
#include "base/layout.h"
#include "nav/nav.h"
#include "samples.h"
#include "text/text.h"
#include "render/theme.h"
#include "visit/visit.h"

/* The screen's size (bench_photos CONTENT_DIR WxH). */
static int W = 1920, H = 1080;

enum {
	MAX_W = 7680,
	FRAME_MS = 16,
	SHOW_LIMIT_MS = 20000,  /* give up on an image after this */
	SETTLE_MIN_FRAMES = 10, /* then wait for every prefetch */
	SWIPE_FRAMES = 8,       /* of finger movement */
	BARE_FRAMES = 300,
	FEH_RUNS = 3,
	FEH_LIMIT_MS = 30000,
};

/* A timed frame whose wall time exceeds its CPU time by more than this
 * waited for its core while another task ran. */
static const double WAITED_MS = 0.5;

/* The process's resident memory by kind, kB (/proc/self/status): its own
 * anonymous memory (heap, mappings, thread stacks; a GL driver's buffers
 * too), file-backed pages (the program and every library mapped, the GL
 * driver's among them, and the fonts) and shared memory (X's shared-memory
 * images). */
struct rss {
	long anon, file, shmem;
};

struct bench {
	const struct content *c;
	size_t start_frames; /* drawn until the first one with a photo */
	SDL_Surface *surf;   /* headless: what the software renderer draws on */
	void *screen;        /* its pixels, in shared memory */
	SDL_Window *win;     /* with SDL_RENDER_DRIVER: the hidden window drawn on */
	SDL_Renderer *ren;
	SDL_PixelFormat *fmt; /* of row */
	Uint32 row[MAX_W];    /* the screen's middle row, read back before present */
	bool probe;           /* read it back in the frames drawn meanwhile */
	struct rss top;       /* the highest RSS sampled between frames */
	long top_anon;        /* the highest anonymous RSS sampled, kB */
	bool sampling;        /* while the tours run */
	struct text *text;
	struct visit *v;
	Uint32 wake;
	struct layout l;
	struct samples trans;    /* frame times during swipes and crossfades */
	struct samples composed; /* those of them that drew no place, only layers */
	struct samples decoding; /* frame times while a cold decode is in flight */
	/* The same two in the render thread's own CPU time: without the turns
	 * other tasks took on its core meanwhile (kernel threads here). */
	struct samples trans_cpu, decoding_cpu;
	double frame_cpu_ms;     /* the last frame's CPU time */
	size_t waited, frames;   /* timed frames, and those that waited > WAITED_MS for the core */
	struct samples arrival;  /* the first frame of a place jumped to */
	struct samples cold;     /* ms from a jump to a never seen 24 MP photo until shown */
	struct samples cold_png; /* the same for the PNG scans */
	/* The same two in the second tour, the loop drawing only when the
	 * visit asks (as the program's does), not every 16 ms. */
	struct samples cold_asked, cold_asked_png;
	struct samples pref;      /* frames until a prefetched neighbour is shown */
	struct samples pref_ms;   /* the same in ms */
	struct samples wake_home; /* ms from the waking touch to a complete home screen */
	int missed;               /* taps that did not go where the tour meant */
	double input_ms;          /* touch handling since the last frame, counted in it */
	double slow_ms;           /* BENCH_SLOW_MS: frames slower than this are told on stderr */
	const char *smaps;        /* BENCH_SMAPS: where the map of the highest own memory goes */
	const char *stage;        /* what the tour is doing, for those lines */
	bool first;               /* the first tour: every jump is cold */
};

/* A field of /proc/self/status in kB ("VmHWM:", "VmRSS:"), -1 if absent. */
static long proc_status_kb(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	size_t n = strlen(field);
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, field, n) == 0)
			kb = strtol(line + n, NULL, 10);
	if (f)
		fclose(f);
	return kb;
}

static long rss_total(const struct rss *r)
{
	return r->anon + r->file + r->shmem;
}

/* RSS now, by kind; all -1 when the kernel does not tell. */
static struct rss rss_now(void)
{
	struct rss r = {-1, -1, -1};
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	while (f && fgets(line, sizeof line, f)) {
		if (strncmp(line, "RssAnon:", 8) == 0)
			r.anon = strtol(line + 8, NULL, 10);
		else if (strncmp(line, "RssFile:", 8) == 0)
			r.file = strtol(line + 8, NULL, 10);
		else if (strncmp(line, "RssShmem:", 9) == 0)
			r.shmem = strtol(line + 9, NULL, 10);
	}
	if (f)
		fclose(f);
	return r;
}

/* Samples RSS by kind (between frames: a read of /proc, some 20 us),
 * keeping the highest. The kernel keeps the peak of the total only
 * (VmHWM), so the split of the peak is that of the highest sample. */
static void sample_rss(struct bench *b)
{
	if (!b->sampling)
		return;
	struct rss r = rss_now();
	if (rss_total(&r) > rss_total(&b->top))
		b->top = r;
	if (r.anon > b->top_anon) {
		/* a new map only per MB more: writing one takes a few ms */
		if (b->smaps && r.anon >= b->top_anon + 1024) {
			char why[128], known[256];
			size_t n_img, img, n_text, text;
			visit_images(b->v, &n_img, &img);
			visit_texts(b->v, &n_text, &text);
			snprintf(why, sizeof why, "own memory %ld kB, at %s", r.anon,
			         b->stage ? b->stage : "the start");
			snprintf(known, sizeof known,
			         "image textures: %zu, %zu kB; text textures: %zu, %zu kB", n_img,
			         img >> 10, n_text, text >> 10);
			anon_map_write(b->smaps, why, known);
		}
		b->top_anon = r.anon;
	}
}

/* Whether the file mapped at path is a part of the OpenGL driver: Mesa's
 * DRI driver, the LLVM it compiles shaders with, the GL dispatch. */
static bool gl_driver_file(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	static const char *const prefix[] = {"libLLVM", "libGL", "libglapi", "libEGL",
	                                     "libgallium"};
	for (size_t i = 0; i < sizeof prefix / sizeof prefix[0]; i++)
		if (strncmp(base, prefix[i], strlen(prefix[i])) == 0)
			return true;
	return strstr(path, "/dri/") != NULL;
}

/* The resident pages of mapped files now, kB, from /proc/self/smaps: those
 * of the GL driver into *gl, the rest (the program, the other libraries)
 * into *other; shared memory is not counted. -1 in both when unreadable. */
static void file_rss(long *gl, long *other)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[4096];
	int kind = 0; /* of the mapping these lines are about: 0 none, 1 GL, 2 other */
	*gl = *other = f ? 0 : -1;
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		int path = 0;
		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &path) == 2 && path > 0) {
			const char *p = line + path;
			line[strcspn(line, "\n")] = '\0';
			bool file = p[0] == '/' && strncmp(p, "/SYSV", 5) != 0 &&
			            strncmp(p, "/memfd:", 7) != 0 && strncmp(p, "/dev/", 5) != 0;
			kind = !file ? 0 : gl_driver_file(p) ? 1 : 2;
		} else if (kind && strncmp(line, "Rss:", 4) == 0) {
			*(kind == 1 ? gl : other) += strtol(line + 4, NULL, 10);
		}
	}
	if (f)
		fclose(f);
}

/* With BENCH_SLOW_MS: memory after a stage of the tour, on stderr. */
static void memory_line(const char *stage)
{
	struct bigalloc_stats st;
	bigalloc_stats(&st);
	fprintf(
	    stderr,
	    "memory after %s: RSS %.1f MB, peak %.1f MB; big blocks %.1f MB live, %.1f MB idle\n",
	    stage, proc_status_kb("VmRSS:") / 1024.0, proc_status_kb("VmHWM:") / 1024.0,
	    (double)st.live_bytes / (1 << 20), (double)st.idle_bytes / (1 << 20));
}

/* The calling thread's CPU time, ms. */
static double thread_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One frame as the program's loop makes it: decoded images taken in, time
 * moved on, the visit drawn and presented. Returns how long it took, ms
 * (its CPU time in b->frame_cpu_ms); *drew (when not NULL) tells whether
 * it drew a place or only showed layers. */
static double frame_drew(struct bench *b, bool *drew)
{
	unsigned long drawn = visit_places_drawn(b->v);
	double t0 = ms_now() - b->input_ms;    /* the loop handles input, then draws */
	double c0 = thread_ms() - b->input_ms; /* input: on the CPU throughout */
	b->input_ms = 0;
	visit_take_images(b->v);
	double t1 = ms_now();
	uint64_t now = SDL_GetTicks64();
	visit_update(b->v, now);
	double t2 = ms_now();
	visit_draw(b->v, now);
	if (b->probe) /* before presenting: after it, a window's back buffer is undefined */
		SDL_RenderReadPixels(b->ren, &(SDL_Rect){0, H / 2, W, 1}, b->fmt->format, b->row,
		                     (int)sizeof b->row);
	double t3 = ms_now();
	SDL_RenderPresent(b->ren);
	double t4 = ms_now();
	b->frame_cpu_ms = thread_ms() - c0;
	if (b->slow_ms > 0 && t4 - t0 > b->slow_ms) {
		char place[256];
		nav_format(&b->c->hall, visit_state(b->v), place, sizeof place);
		fprintf(stderr,
		        "slow frame %.1f ms: input+take %.1f update %.1f draw %.1f present %.1f, "
		        "on the CPU %.1f, in %s at %s\n",
		        t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3, b->frame_cpu_ms,
		        b->stage ? b->stage : "start", place);
	}
	if (drew)
		*drew = visit_places_drawn(b->v) != drawn;
	return t4 - t0;
}

/* A frame whose time goes into the figures: counted, with whether it
 * waited for its core. */
static double timed_frame(struct bench *b, bool *drew)
{
	double ms = frame_drew(b, drew);
	b->frames++;
	b->waited += ms - b->frame_cpu_ms > WAITED_MS;
	return ms;
}

static double frame(struct bench *b)
{
	return frame_drew(b, NULL);
}

/* A frame of a transition, into trans (and composed when it drew no place). */
static void transition_frame(struct bench *b)
{
	bool drew;
	double ms = timed_frame(b, &drew);
	add(&b->trans, ms);
	add(&b->trans_cpu, b->frame_cpu_ms);
	if (!drew)
		add(&b->composed, ms);
}

/* Sleeps until the tick until_ms; with early, returns as soon as the loader
 * wakes the loop (as the program's loop does). Samples RSS first. */
static void wait_frame(struct bench *b, uint64_t until_ms, bool early)
{
	sample_rss(b);
	for (uint64_t now; (now = SDL_GetTicks64()) < until_ms;) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, (int)(until_ms - now)) && ev.type == b->wake && early)
			return;
	}
}

/* How many pixels in [x0, x1) of the middle row, as the last frame drawn
 * with b->probe set read it back, have colour c. The read-back (one row,
 * 7.5 kB) is counted in that frame's time; on OpenGL it also makes the
 * frame's drawing finish there rather than in the present. */
static int count_colour(const struct bench *b, int x0, int x1, struct rgb c)
{
	Uint32 want = SDL_MapRGB(b->fmt, c.r, c.g, c.b) & 0xffffff;
	int n = 0;
	for (int x = x0 < 0 ? 0 : x0; x < x1 && x < W; x++)
		n += (b->row[x] & 0xffffff) == want;
	return n;
}

/* True when photo p is on screen at rest: its middle row is not the
 * placeholder the screen draws while the photo is still decoding. */
static bool photo_shown(const struct bench *b, const struct photo *p)
{
	struct rect r = layout_contain(p->image.width, p->image.height, (struct rect){0, 0, W, H});
	return count_colour(b, r.x, r.x + r.w, theme.placeholder) < r.w / 20;
}

/* Draws frames every FRAME_MS until the current photo p is shown; returns
 * the ms from t0 to the end of that frame (-1: never) and the frames drawn
 * in *frames. early: draw as soon as the loader wakes the loop (a cold
 * jump); otherwise a pure 16 ms cadence (counting frames). With timed,
 * the first frame's time (which draws the new place and asks for the
 * decode) goes to arrival, the later ones' (the decode in flight, then the
 * frame that takes it in) to decoding. */
static double until_shown(struct bench *b, const struct photo *p, double t0, bool early, bool timed,
                          int *frames)
{
	uint64_t next = SDL_GetTicks64();
	b->probe = true;
	for (int n = 1;; n++) {
		double ft = timed ? timed_frame(b, NULL) : frame(b);
		if (timed && n == 1)
			add(&b->arrival, ft);
		if (timed && n > 1) {
			add(&b->decoding, ft);
			add(&b->decoding_cpu, b->frame_cpu_ms);
		}
		if (!visit_holding(b->v) && photo_shown(b, p)) {
			*frames = n;
			b->probe = false;
			return ms_now() - t0;
		}
		if (ms_now() - t0 > SHOW_LIMIT_MS) {
			*frames = n;
			b->probe = false;
			return -1;
		}
		next += FRAME_MS;
		wait_frame(b, next, early);
	}
}

/* Until every asked image is decoded (the neighbours prefetched), a turn
 * of the loop every FRAME_MS; as in the program's loop, a frame is drawn
 * only when the visit asks for one (an image or a text taken in,
 * something moving), and between them the decoders have the cores. On
 * OpenGL through Mesa a frame costs the CPU more than a decode's worth of
 * time, so frames drawn regardless would keep the decoders (idle class)
 * waiting for as long as they were drawn. */
static void settle(struct bench *b)
{
	b->stage = "settle";
	uint64_t next = SDL_GetTicks64(), limit = next + SHOW_LIMIT_MS;
	for (int n = 0; (n < SETTLE_MIN_FRAMES || visit_loading(b->v)) && next < limit; n++) {
		visit_take_images(b->v);
		if (visit_update(b->v, SDL_GetTicks64()))
			frame(b);
		next += FRAME_MS;
		wait_frame(b, next, false);
	}
}

static const struct photo *photo_of(const struct bench *b, int city, int item)
{
	return &b->c->hall.cities[city].photos[item];
}

/* As until_shown, but the loop draws as the program's does: a frame only
 * when the visit asks for one (the jump, an image or a text taken in),
 * asleep meanwhile until the loader wakes it or FRAME_MS passes. The ms
 * from t0 to the end of the frame that shows p; -1: never. */
static double until_shown_asked(struct bench *b, const struct photo *p, double t0)
{
	double ms = -1;
	b->probe = true;
	while (ms_now() - t0 <= SHOW_LIMIT_MS) {
		visit_take_images(b->v);
		if (visit_update(b->v, SDL_GetTicks64())) {
			frame(b);
			if (!visit_holding(b->v) && photo_shown(b, p)) {
				ms = ms_now() - t0;
				break;
			}
		}
		wait_frame(b, SDL_GetTicks64() + FRAME_MS, true);
	}
	b->probe = false;
	return ms;
}

/* Jumps straight to a photo not seen in a while (as --at or a deep link
 * does) and records how long until it is shown: in the first tour (every
 * photo unseen) with frames every 16 ms meanwhile, or sooner when the
 * loader wakes the loop; in the second (each photo evicted from the cache
 * since) drawing only when the visit asks. */
static void cold_jump(struct bench *b, int city, int item)
{
	char place[256];
	snprintf(place, sizeof place, "city/%s/photos/%d", b->c->hall.cities[city].id, item + 1);
	struct nav_state s = *visit_state(b->v);
	if (nav_parse(&b->c->hall, place, &s) != 0)
		return;
	double t0 = ms_now();
	b->stage = "cold jump";
	visit_goto(b->v, &s);
	int frames;
	const struct photo *p = photo_of(b, city, item);
	bool png = strstr(p->image.path, ".png") != NULL;
	double ms =
	    b->first ? until_shown(b, p, t0, true, true, &frames) : until_shown_asked(b, p, t0);
	struct samples *into = b->first ? (png ? &b->cold_png : &b->cold)
	                                : (png ? &b->cold_asked_png : &b->cold_asked);
	add(into, ms < 0 ? SHOW_LIMIT_MS : ms);
}

/* NAV_EV_OPEN_PHOTO to item of the current city (the photo must have been
 * prefetched as a neighbour): frames at 16 ms until it is shown. */
static void open_neighbour(struct bench *b, int item)
{
	struct nav_state s =
	    nav_step(&b->c->hall, *visit_state(b->v), (struct nav_event){NAV_EV_OPEN_PHOTO, item},
	             SDL_GetTicks64());
	b->stage = "neighbour";
	visit_goto(b->v, &s);
	int frames;
	double ms = until_shown(b, photo_of(b, s.city, s.item), ms_now(), false, false, &frames);
	add(&b->pref, frames);
	add(&b->pref_ms, ms < 0 ? SHOW_LIMIT_MS : ms);
}

static void touch(struct bench *b, enum gesture_input_kind k, float x, float y)
{
	struct gesture_input in = {k, 1, x, y, SDL_GetTicks64()};
	double t0 = ms_now();
	visit_input(b->v, &in);
	b->input_ms += ms_now() - t0;
}

/* Timed frames at 16 ms while the visit moves (a slide or a crossfade). */
static void animate(struct bench *b)
{
	uint64_t next = SDL_GetTicks64(), limit = next + 3000;
	do {
		transition_frame(b);
		next += FRAME_MS;
		wait_frame(b, next, false);
	} while (visit_deadline(b->v, SDL_GetTicks64()) <= SDL_GetTicks64() && next < limit);
}

/* A finger swipe towards the next photo (dir 1) or the previous (-1). */
static void swipe(struct bench *b, int dir)
{
	float x0 = dir > 0 ? W * 0.8f : W * 0.2f, dx = -(float)dir * W * 0.5f, y = H * 0.5f;
	b->stage = "swipe";
	uint64_t next = SDL_GetTicks64();
	touch(b, GESTURE_IN_DOWN, x0, y);
	for (int i = 1; i <= SWIPE_FRAMES; i++) {
		next += FRAME_MS;
		wait_frame(b, next, false);
		touch(b, GESTURE_IN_MOVE, x0 + dx * (float)i / SWIPE_FRAMES, y);
		transition_frame(b);
	}
	touch(b, GESTURE_IN_UP, x0 + dx, y);
	animate(b);
}

/* A tap at x, y and the crossfade it starts; false when the screen did not
 * change. */
static bool tap(struct bench *b, float x, float y)
{
	struct nav_state before = *visit_state(b->v);
	b->stage = "crossfade";
	touch(b, GESTURE_IN_DOWN, x, y);
	touch(b, GESTURE_IN_UP, x, y);
	bool moved = !nav_same(&before, visit_state(b->v));
	if (moved)
		animate(b);
	else
		b->missed++;
	return moved;
}

/* Back to HOME with the back button, then the city's card: two crossfades. */
static void crossfades(struct bench *b, int city)
{
	const struct layout *l = &b->l;
	if (!tap(b, (float)l->margin + 40, (float)layout_px(l, 40) + 30))
		return;
	settle(b);
	int gap = layout_px(l, 32), cw = (W - 2 * l->margin - 2 * gap) / 3;
	float x = (float)(l->margin + (city % 3) * (cw + gap) + cw / 2);
	float y = city / 3 ? H - (float)l->margin - 120 : H * 0.45f;
	tap(b, x, y);
	settle(b);
}

/* The whole tour, city by city: cold jumps, changes to prefetched
 * neighbours, swipes and crossfades. */
static void tour(struct bench *b)
{
	for (int ci = 0; ci < (int)b->c->hall.n_cities; ci++) {
		int n = (int)b->c->hall.cities[ci].n_photos;
		if (n < 3)
			continue;
		cold_jump(b, ci, n - 1); /* the scan; its neighbour is prefetched */
		settle(b);
		cold_jump(b, ci, 0); /* not a neighbour of the scan: cold */
		settle(b);
		for (int i = 1; i < n; i++) {
			open_neighbour(b, i);
			settle(b);
		}
		swipe(b, -1);
		settle(b);
		swipe(b, -1);
		settle(b);
		swipe(b, 1);
		settle(b);
		crossfades(b, ci);
		if (b->slow_ms > 0)
			memory_line(b->c->hall.cities[ci].id);
	}
}

/* The first frame the attract loop shows with its photo: not the bare
 * backdrop the player clears to while waiting. */
static double first_attract_frame(struct bench *b, double t_main)
{
	uint64_t next = SDL_GetTicks64();
	double ms = -1;
	b->probe = true;
	for (;;) {
		frame(b);
		b->start_frames++;
		if (count_colour(b, 0, W, theme.backdrop_bottom) < W / 2) {
			ms = ms_now() - t_main;
			break;
		}
		if (ms_now() - t_main > SHOW_LIMIT_MS)
			break;
		next += FRAME_MS;
		wait_frame(b, next, true);
	}
	b->probe = false;
	return ms;
}

/* Wakes the attract loop with a touch; ms until HOME is whole, the
 * crossfade to it included (tap draws the whole transition). */
static void wake_home(struct bench *b)
{
	double t0 = ms_now();
	if (!tap(b, W / 2.0f, H / 2.0f))
		return;
	uint64_t next = SDL_GetTicks64();
	while (visit_loading(b->v) && ms_now() - t0 < SHOW_LIMIT_MS) {
		frame(b);
		next += FRAME_MS;
		wait_frame(b, next, true);
	}
	frame(b);
	add(&b->wake_home, ms_now() - t0);
}

/* The bench's own crossfade of two screen-sized textures, the least any
 * crossfade costs on this renderer: frame times into out, their CPU times
 * into out_cpu. Paced, a frame every FRAME_MS as the tour's transitions
 * are drawn (and as the screen asks for them); otherwise back to back, the
 * textures still in the caches from the frame before. */
static void bare_crossfade(struct bench *b, bool paced, struct samples *out,
                           struct samples *out_cpu)
{
	SDL_Texture *t[2];
	for (int i = 0; i < 2; i++) {
		t[i] = draw_layer_new(b->ren, W, H); /* as the program's crossfades */
		if (!t[i])
			return;
		SDL_SetRenderTarget(b->ren, t[i]);
		SDL_SetRenderDrawColor(b->ren, (Uint8)(60 * i), 90, (Uint8)(200 - 60 * i), 255);
		SDL_RenderClear(b->ren);
	}
	SDL_SetRenderTarget(b->ren, NULL);
	uint64_t next = SDL_GetTicks64();
	for (int f = 0; f < BARE_FRAMES; f++) {
		next += FRAME_MS;
		if (paced)
			wait_frame(b, next, false);
		double t0 = ms_now(), c0 = thread_ms();
		SDL_SetTextureBlendMode(t[0], SDL_BLENDMODE_NONE);
		SDL_RenderCopy(b->ren, t[0], NULL, NULL);
		SDL_SetTextureBlendMode(t[1], SDL_BLENDMODE_BLEND);
		SDL_SetTextureAlphaMod(t[1], (Uint8)(f * 255 / BARE_FRAMES));
		SDL_RenderCopy(b->ren, t[1], NULL, NULL);
		SDL_RenderPresent(b->ren);
		add(out, ms_now() - t0);
		add(out_cpu, thread_ms() - c0);
	}
	SDL_DestroyTexture(t[0]);
	SDL_DestroyTexture(t[1]);
}

/* feh's figures for one file: wall ms from exec to exit and peak RSS kB. */
struct feh_run {
	double ms;
	long rss_kb;
};

static pid_t spawn(const char *const argv[], const char *display)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (display)
			setenv("DISPLAY", display, 1);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

/* Starts Xvfb on a free display; its pid, or -1. */
static pid_t start_xvfb(char *display, size_t size)
{
	for (int n = 77; n < 120; n++) {
		char lock[64], sock[64];
		snprintf(lock, sizeof lock, "/tmp/.X%d-lock", n);
		snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", n);
		if (access(lock, F_OK) == 0 || access(sock, F_OK) == 0)
			continue;
		snprintf(display, size, ":%d", n);
		char screen[32];
		snprintf(screen, sizeof screen, "%dx%dx24", W, H);
		const char *argv[] = {"Xvfb", display,     "-screen", "0",
		                      screen, "-nolisten", "tcp",     NULL};
		pid_t pid = spawn(argv, NULL);
		for (int i = 0; pid > 0 && i < 100; i++) {
			if (access(sock, F_OK) == 0)
				return pid;
			if (waitpid(pid, NULL, WNOHANG) == pid)
				break;
			SDL_Delay(50);
		}
		if (pid > 0 && kill(pid, SIGTERM) == 0)
			waitpid(pid, NULL, 0);
		return -1;
	}
	return -1;
}

/* feh full screen on file, leaving right after it showed it. */
static int feh_once(const char *display, const char *file, struct feh_run *out)
{
	/* feh 3.x calls --cycle-once --on-last-slide quit */
	const char *argv[] = {"feh", "-F", "--on-last-slide", "quit", "-D", "0.01", file, NULL};
	double t0 = ms_now();
	pid_t pid = spawn(argv, display);
	int status = 0;
	struct rusage ru;
	pid_t got = 0;
	while (pid > 0 && (got = wait4(pid, &status, WNOHANG, &ru)) == 0) {
		if (ms_now() - t0 > FEH_LIMIT_MS)
			kill(pid, SIGKILL); /* reaped on the next turn */
		SDL_Delay(1);
	}
	if (got != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	out->ms = ms_now() - t0;
	out->rss_kb = ru.ru_maxrss;
	return 0;
}

/* The median of FEH_RUNS runs; -1 with why in *why when feh cannot run. */
static int feh_measure(const char *file, struct feh_run *out, const char **why)
{
	if (system("command -v feh >/dev/null 2>&1") != 0) {
		*why = "feh not installed";
		return -1;
	}
	char display[16];
	pid_t x = start_xvfb(display, sizeof display);
	if (x < 0) {
		*why = "feh: cannot start Xvfb";
		return -1;
	}
	struct samples *ms = calloc(1, sizeof *ms), *rss = calloc(1, sizeof *rss);
	struct feh_run r;
	for (int i = 0; ms && rss && i < FEH_RUNS; i++)
		if (feh_once(display, file, &r) == 0) {
			add(ms, r.ms);
			add(rss, (double)r.rss_kb);
		}
	int rc = ms && ms->n ? 0 : -1;
	if (rc == 0) {
		out->ms = quantile(ms, 0.5);
		out->rss_kb = (long)quantile(rss, 0.5);
	} else {
		*why = "feh did not run";
	}
	free(ms);
	free(rss);
	kill(x, SIGTERM);
	waitpid(x, NULL, 0);
	return rc;
}

static void row(const char *what, const char *value, const char *unit)
{
	printf("%-58s %16s  %s\n", what, value, unit);
}

static void rowf(const char *what, const char *unit, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void rowf(const char *what, const char *unit, const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	row(what, buf, unit);
}

/* The GL driver's own name for what draws and its version, when the
 * renderer is SDL's opengl one (its context is current); "" otherwise. */
static void gl_driver(const SDL_RendererInfo *ri, char *buf, size_t size)
{
	typedef const GLubyte *(APIENTRY * get_string_fn)(GLenum);
	get_string_fn get = strcmp(ri->name, "opengl") == 0
	                        ? (get_string_fn)SDL_GL_GetProcAddress("glGetString")
	                        : NULL;
	const GLubyte *name = get ? get(GL_RENDERER) : NULL,
	              *version = get ? get(GL_VERSION) : NULL;
	snprintf(buf, size, "%s%s%s%s%s", name ? " (" : "", name ? (const char *)name : "",
	         version ? ", OpenGL " : "", version ? (const char *)version : "", name ? ")" : "");
}

static void cpu_model(char *buf, size_t size)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[512];
	snprintf(buf, size, "unknown CPU");
	while (f && fgets(line, sizeof line, f)) {
		char *colon = strchr(line, ':');
		if (strncmp(line, "model name", 10) == 0 && colon) {
			snprintf(buf, size, "%s", colon + 2);
			buf[strcspn(buf, "\n")] = '\0';
			break;
		}
	}
	if (f)
		fclose(f);
}

struct figures {
	double start_ms, bare_p50, bare_p99, bare_max; /* the bare crossfade, paced */
	double bare_cpu_p99;                           /* in the thread's CPU time */
	double warm_p50, warm_p99, warm_max;           /* the bare crossfade back to back */
	double loaded_ms, ready_ms; /* start: content loaded; renderer, fonts and visit made */
	double hall_read_ms;        /* live_start on the same content and state */
	long hwm_kb, rss1_kb, rss2_kb;
	long gl_file_kb, other_file_kb;  /* mapped files resident after the tours */
	long anon1_kb, anon2_kb;         /* anonymous RSS after each tour */
	const char *cache;               /* BENCH_CACHE, NULL: no derivative cache */
	size_t cache_files;              /* derivatives there at the start */
	struct deriv_cache_stats derivs; /* after the tours */
	struct feh_run feh;
	int feh_ok;
	const char *feh_why;
};

static void no_wake(void *ctx)
{
	(void)ctx;
}

/* ms that live_start takes on dir with its state in cache/state: the
 * hall's own first read (the folder through the store, the text check,
 * the snapshot saved), which the hall waits for on another thread while
 * its window opens; -1 without a cache. */
static double hall_first_read(const char *dir, const char *cache)
{
	char state[4096];
	if (!cache)
		return -1;
	snprintf(state, sizeof state, "%s/state", cache);
	struct live_config cfg = {.dir = dir, .state_dir = state};
	double t0 = ms_now();
	struct live *l = live_start(&cfg, no_wake, NULL);
	double ms = ms_now() - t0;
	live_stop(l);
	return l ? ms : -1;
}

/* The content loaded as the hall loads it (through a store in
 * cache/state, so images are named by their bytes) when cache is not
 * NULL, else read where it is. */
static struct content *load(const char *dir, const char *cache, struct store **store,
                            struct diag *d)
{
	char state[4096];
	if (!cache)
		return content_load(dir, d);
	snprintf(state, sizeof state, "%s/state", cache);
	*store = store_open(state);
	struct content *c = *store ? content_load_kept(dir, store_hook(*store), NULL, d) : NULL;
	if (*store)
		store_commit(*store); /* as the hall does after a load */
	return c;
}

static void print_table(struct bench *b, struct figures *f)
{
	double cold_med = quantile(&b->cold, 0.5), cold_max = quantile(&b->cold, 1);
	double t50 = quantile(&b->trans, 0.5), t99 = quantile(&b->trans, 0.99);
	double tmax = quantile(&b->trans, 1);
	SDL_RendererInfo ri;
	SDL_GetRendererInfo(b->ren, &ri);
	char title[64];
	snprintf(title, sizeof title, "photos (%dx%d, renderer %s%s)", W, H, ri.name,
	         b->win ? ", hidden window" : ", headless");
	printf("%-58s %16s  %s\n", title, "figure", "unit");
	rowf("process start (main) to first attract frame with photo", "ms (excl. exec)", "%.0f",
	     f->start_ms);
	rowf("  of which: content loaded / fonts and screens made", "ms from main", "%.0f / %.0f",
	     f->loaded_ms, f->ready_ms);
	rowf("  the hall's own first read (live_start, after the tours)", "ms", "%.0f",
	     f->hall_read_ms);
	rowf("waking touch to home screen whole, its crossfade included", "ms", "%.0f",
	     quantile(&b->wake_home, 0.5));
	rowf("photo change to a prefetched neighbour: median / max", "frames @16 ms", "%.0f / %.0f",
	     quantile(&b->pref, 0.5), quantile(&b->pref, 1));
	rowf("the same in time: median / max", "ms", "%.0f / %.0f", quantile(&b->pref_ms, 0.5),
	     quantile(&b->pref_ms, 1));
	rowf("cold jump to an unseen 24 MP JPEG: median / max", "ms", "%.0f / %.0f", cold_med,
	     cold_max);
	rowf("cold jump to an unseen 6 MP PNG scan: median / max", "ms", "%.0f / %.0f",
	     quantile(&b->cold_png, 0.5), quantile(&b->cold_png, 1));
	rowf("  tour 2, drawn only when asked: JPEG / PNG median", "ms", "%.0f / %.0f",
	     quantile(&b->cold_asked, 0.5), quantile(&b->cold_asked_png, 0.5));
	rowf("frame time in swipes/crossfades: p50 / p99 / max", "ms", "%.1f / %.1f / %.1f", t50,
	     t99, tmax);
	rowf("bare crossfade, a frame every 16 ms: p50 / p99 / max", "ms", "%.1f / %.1f / %.1f",
	     f->bare_p50, f->bare_p99, f->bare_max);
	rowf("transition p99 / bare crossfade p99", "x", "%.2f", t99 / f->bare_p99);
	rowf("  the same in the render thread's CPU time", "x", "%.2f",
	     quantile(&b->trans_cpu, 0.99) / f->bare_cpu_p99);
	double c99 = quantile(&b->composed, 0.99);
	rowf("  of which frames drawing no place (layers only): p50 / p99", "ms", "%.1f / %.1f",
	     quantile(&b->composed, 0.5), c99);
	rowf("  their p99 / bare crossfade p99", "x", "%.2f", c99 / f->bare_p99);
	rowf("bare crossfade back to back (caches warm): p50 / p99 / max", "ms",
	     "%.1f / %.1f / %.1f", f->warm_p50, f->warm_p99, f->warm_max);
	rowf("transition p99 / that p99", "x", "%.2f", t99 / f->warm_p99);
	rowf("first frame of a place jumped to: p50 / max", "ms", "%.1f / %.1f",
	     quantile(&b->arrival, 0.5), quantile(&b->arrival, 1));
	double d50 = quantile(&b->decoding, 0.5), dmax = quantile(&b->decoding, 1);
	rowf("later frames while its cold decode is in flight: p50 / max", "ms", "%.1f / %.1f", d50,
	     dmax);
	rowf("  max / p50", "x", "%.2f", dmax / d50);
	rowf("  the same in the render thread's CPU time", "x", "%.2f",
	     quantile(&b->decoding_cpu, 1) / quantile(&b->decoding_cpu, 0.5));
	rowf("timed frames that waited > 0.5 ms for their core", "frames", "%zu of %zu", b->waited,
	     b->frames);
	rowf("peak RSS over both tours (VmHWM)", "MB", "%.1f", (double)f->hwm_kb / 1024);
	rowf("  highest sampled between frames = anon + files + shmem", "MB",
	     "%.1f = %.1f + %.1f + %.1f", (double)rss_total(&b->top) / 1024,
	     (double)b->top.anon / 1024, (double)b->top.file / 1024, (double)b->top.shmem / 1024);
	rowf("  files after the tours: GL driver (Mesa, LLVM) / the rest", "MB", "%.1f / %.1f",
	     (double)f->gl_file_kb / 1024, (double)f->other_file_kb / 1024);
	rowf("RSS after tour 1 / after tour 2", "MB", "%.1f / %.1f", (double)f->rss1_kb / 1024,
	     (double)f->rss2_kb / 1024);
	rowf("own memory (anonymous RSS): highest sampled", "MB", "%.1f",
	     (double)b->top_anon / 1024);
	rowf("  after tour 1 / after tour 2", "MB", "%.1f / %.1f", (double)f->anon1_kb / 1024,
	     (double)f->anon2_kb / 1024);
	if (!f->cache) {
		row("derivative cache", "none", "");
	} else {
		rowf("derivative cache at start", "files", "%zu (%s)", f->cache_files,
		     f->cache_files ? "warm" : "cold");
		rowf("  read / written / found damaged in the tours", "files", "%zu / %zu / %zu",
		     f->derivs.hits, f->derivs.written, f->derivs.rejected);
	}
	if (!f->feh_ok) {
		row("feh", f->feh_why, "");
	} else {
		rowf("feh -F: exec to exit after showing a 24 MP JPEG (median)", "ms", "%.0f",
		     f->feh.ms);
		rowf("feh peak RSS", "MB", "%.1f", (double)f->feh.rss_kb / 1024);
		rowf("cold jump median / feh time", "x", "%.2f", cold_med / f->feh.ms);
		rowf("peak RSS / feh peak RSS", "x", "%.2f",
		     (double)f->hwm_kb / (double)f->feh.rss_kb);
	}
	if (b->missed)
		rowf("taps of the tour that missed their target", "taps", "%d", b->missed);
	char cpu[256], gl[256];
	cpu_model(cpu, sizeof cpu);
	gl_driver(&ri, gl, sizeof gl);
	printf("machine: %ld CPUs (nproc), %s, renderer %s%s, %zu cold / %zu frames timed\n",
	       sysconf(_SC_NPROCESSORS_ONLN), cpu, ri.name, gl, b->cold.n, b->trans.n);
	if (b->win)
		printf(
		    "note: a window's renderer draws in its driver, on threads or a GPU of its "
		    "own:\n"
		    "the CPU-time rows and the waits for a core count the render thread alone\n");
}

/* The renderer of driver `asked` on a hidden W x H window, as the program
 * makes its own (app.c) but without vsync, which would count the wait for
 * the screen in the frames. NULL, with why in why, when the driver cannot
 * be had: SDL then makes another one, which does not count. */
static SDL_Renderer *window_renderer(struct bench *b, const char *asked, char *why, size_t size)
{
	/* Naming a driver turns SDL's batching of draw calls off, unless this
	 * hint says otherwise; the hall names none, so it batches. */
	SDL_SetHint(SDL_HINT_RENDER_BATCHING, "1");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
		snprintf(why, size, "no video: %s", SDL_GetError());
		return NULL;
	}
	b->win =
	    SDL_CreateWindow("bench_photos", 0, 0, W, H, SDL_WINDOW_HIDDEN | SDL_WINDOW_BORDERLESS);
	SDL_Renderer *ren =
	    b->win ? SDL_CreateRenderer(b->win, -1, SDL_RENDERER_TARGETTEXTURE) : NULL;
	SDL_RendererInfo ri;
	int w = 0, h = 0;
	if (!ren) {
		snprintf(why, size, "%s", SDL_GetError());
	} else if (SDL_GetRendererInfo(ren, &ri) != 0 || strcasecmp(ri.name, asked) != 0) {
		snprintf(why, size, "SDL made the %s renderer instead", ri.name);
	} else if (!SDL_RenderTargetSupported(ren) || SDL_GetRendererOutputSize(ren, &w, &h) != 0 ||
	           w != W || h != H) {
		snprintf(why, size, "no target textures, or %dx%d instead of %dx%d", w, h, W, H);
	} else {
		return ren;
	}
	if (ren)
		SDL_DestroyRenderer(ren);
	return NULL;
}

/* 0; 1 when the bench cannot start; 2, with why, when the renderer asked
 * for cannot be had. */
static int setup(struct bench *b, const struct content *c, char *why, size_t size)
{
	b->c = c;
	b->wake = SDL_RegisterEvents(1);
	b->fmt = SDL_AllocFormat(SDL_PIXELFORMAT_RGB888);
	const char *asked = getenv("SDL_RENDER_DRIVER");
	if (asked && *asked) {
		b->ren = window_renderer(b, asked, why, size);
		if (!b->ren)
			return 2;
	} else {
		/* The screen in shared memory, as X's shared-memory image is: in
		 * the hall the window's pixels are not the program's own memory,
		 * and here they are not counted as such either. */
		size_t bytes = (size_t)W * (size_t)H * 4;
		b->screen =
		    mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (b->screen == MAP_FAILED)
			b->screen = NULL;
		b->surf = b->screen ? SDL_CreateRGBSurfaceWithFormatFrom(b->screen, W, H, 32, W * 4,
		                                                         SDL_PIXELFORMAT_RGB888)
		                    : NULL; /* RGB888, as X's */
		b->ren = b->surf ? SDL_CreateSoftwareRenderer(b->surf) : NULL;
	}
	b->text = b->ren && b->fmt ? text_new_for(b->ren, c) : NULL;
	b->v = b->text ? visit_new(b->ren, b->text, c, 0, W, H, 0, b->wake, NULL) : NULL;
	b->l = layout_compute(W, H);
	return b->v ? 0 : 1;
}

static void teardown(struct bench *b)
{
	visit_free(b->v);
	text_free(b->text);
	if (b->ren)
		SDL_DestroyRenderer(b->ren);
	if (b->win)
		SDL_DestroyWindow(b->win);
	SDL_FreeSurface(b->surf);
	if (b->screen)
		munmap(b->screen, (size_t)W * (size_t)H * 4);
	SDL_FreeFormat(b->fmt);
}

int main(int argc, char **argv)
{
	double t_main = ms_now();
	/* make bench-audit: pieces of the performance machinery turned off */
	if (perf_switch_off(getenv("TWINHALL_PERF_OFF")) != 0) {
		fprintf(stderr, "bench_photos: TWINHALL_PERF_OFF names no piece: %s\n",
		        getenv("TWINHALL_PERF_OFF"));
		return 1;
	}
	bigalloc_install(); /* as the program does */
	const char *dir = argc > 1 ? argv[1] : "build/bench/content";
	if (argc > 2 &&
	    (sscanf(argv[2], "%dx%d", &W, &H) != 2 || W < 320 || H < 240 || W > MAX_W)) {
		fprintf(stderr, "bench_photos: a size such as 1920x1080, not %s\n", argv[2]);
		return 1;
	}
	struct figures f = {0};
	f.cache = getenv("BENCH_CACHE");
	if (f.cache && !*f.cache)
		f.cache = NULL;
	struct diag *d = diag_new();
	struct store *store = NULL;
	struct content *c = load(dir, f.cache, &store, d);
	struct bench *b = calloc(1, sizeof *b);
	f.loaded_ms = ms_now() - t_main;
	char why[256] = "";
	int rc = !c || !b || SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0
	             ? 1
	             : setup(b, c, why, sizeof why);
	if (rc == 2) {
		printf("bench_photos: no %s renderer here (%s): no table for it\n",
		       getenv("SDL_RENDER_DRIVER"), why);
		return 2;
	}
	if (rc != 0) {
		diag_print(d, stderr, dir);
		fprintf(stderr, "bench_photos: cannot start: %s\n", SDL_GetError());
		return 1;
	}
	struct deriv_cache *derivs = NULL;
	if (f.cache) {
		char pics[4096];
		snprintf(pics, sizeof pics, "%s/pictures", f.cache);
		derivs = deriv_cache_open(pics, (size_t)2 << 30); /* the hall's budget */
		deriv_cache_stats(derivs, &f.derivs);
		f.cache_files = f.derivs.files;
		visit_use_derivs(b->v, derivs);
	}
	const char *slow = getenv("BENCH_SLOW_MS");
	b->slow_ms = slow ? atof(slow) : 0;
	b->smaps = getenv("BENCH_SMAPS");
	f.ready_ms = ms_now() - t_main;
	b->sampling = true;
	f.start_ms = first_attract_frame(b, t_main);
	if (getenv("BENCH_START_ONLY")) { /* repeated measurements of the start */
		printf("start %.0f ms: content loaded %.0f, fonts and screens made %.0f, first "
		       "frame with photo %.0f (frames %zu); the hall's first read %.0f\n",
		       f.start_ms, f.loaded_ms, f.ready_ms, f.start_ms, b->start_frames,
		       hall_first_read(dir, f.cache));
		fflush(stdout);
		_exit(0);
	}
	wake_home(b);
	settle(b);
	b->first = true;
	tour(b);
	b->first = false;
	f.rss1_kb = proc_status_kb("VmRSS:");
	f.anon1_kb = proc_status_kb("RssAnon:");
	tour(b);
	f.rss2_kb = proc_status_kb("VmRSS:");
	f.anon2_kb = proc_status_kb("RssAnon:");
	deriv_cache_stats(derivs, &f.derivs);
	f.hwm_kb = proc_status_kb("VmHWM:");
	b->sampling = false;
	file_rss(&f.gl_file_kb, &f.other_file_kb);
	struct samples *bare = calloc(4, sizeof *bare);
	if (bare) {
		bare_crossfade(b, true, &bare[0], &bare[1]);
		f.bare_p50 = quantile(&bare[0], 0.5);
		f.bare_p99 = quantile(&bare[0], 0.99);
		f.bare_max = quantile(&bare[0], 1);
		f.bare_cpu_p99 = quantile(&bare[1], 0.99);
		bare_crossfade(b, false, &bare[2], &bare[3]);
		f.warm_p50 = quantile(&bare[2], 0.5);
		f.warm_p99 = quantile(&bare[2], 0.99);
		f.warm_max = quantile(&bare[2], 1);
	}
	free(bare);
	char file[1024];
	snprintf(file, sizeof file, "%s/%s", c->root, c->hall.cities[0].photos[0].image.path);
	f.feh_ok = feh_measure(file, &f.feh, &f.feh_why) == 0;
	f.hall_read_ms = hall_first_read(dir, f.cache);
	print_table(b, &f);
	teardown(b);
	free(b);
	deriv_cache_free(derivs); /* after the visit: its decoders use it */
	store_free(store);
	content_free(c);
	diag_free(d);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
