/* bench_reload: live reload as the hall meets it, headless at 1920x1080
 * with the software renderer: the real watcher, loader thread and visit on
 * a copy of the sample content, a visitor on a city's photos while staff
 * save a changed caption again and again. Prints, for each save, the time
 * from the save until the new content is fully on screen (the quiet time
 * included), and the frame times while the hall animates without reloads
 * and during reloads. Figures, never a verdict.
 * Usage: bench_reload [CONTENT_DIR] (copied first; default content). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/bigalloc.h"
#include "live/live.h"
#include "nav/nav.h"
#include "samples.h"
#include "text/text.h"
#include "visit/visit.h"

enum { W = 1920, H = 1080, FRAME_MS = 16, SAVES = 8, FADE_MS = 300 };

static Uint32 live_event;

static void wake(void *ctx)
{
	(void)ctx;
	SDL_Event ev = {.type = live_event};
	SDL_PushEvent(&ev);
}

struct bench {
	SDL_Surface *surf;
	SDL_Renderer *ren;
	struct text *text;
	struct visit *v;
	struct live *live;
	Uint32 wake_event;
	bool swapped; /* new content arrived this frame */
};

/* One frame as the program's loop runs it: events, then update and draw.
 * Returns how long the frame took. */
static double frame(struct bench *b)
{
	double t0 = ms_now();
	SDL_Event ev;
	b->swapped = false;
	while (SDL_PollEvent(&ev)) {
		if (ev.type == b->wake_event) {
			visit_take_images(b->v);
		} else if (ev.type == live_event) {
			struct content *old;
			if (live_take(b->live, &old) == LIVE_NEW) {
				visit_set_content(b->v, live_content(b->live), SDL_GetTicks64());
				b->swapped = true;
			}
			content_free(old);
		}
	}
	uint64_t now = SDL_GetTicks64();
	visit_update(b->v, now);
	visit_draw(b->v, now);
	SDL_RenderPresent(b->ren);
	double took = ms_now() - t0;
	double next = t0 + FRAME_MS;
	while (ms_now() < next)
		SDL_Delay(1);
	return took;
}

/* Saves the Russian caption of the city's first photo (the one on screen)
 * with " (bench n)" at its end, as an editor writing in place does, so the
 * new content has new text to draw. */
static void save(const char *file, int n)
{
	FILE *f = fopen(file, "r");
	char *text = NULL;
	size_t len = 0;
	if (f) {
		fseek(f, 0, SEEK_END);
		len = (size_t)ftell(f);
		fseek(f, 0, SEEK_SET);
		text = malloc(len + 1);
		if (text && fread(text, 1, len, f) != len)
			len = 0;
		fclose(f);
	}
	if (!text)
		return;
	text[len] = '\0';
	char *photos = strstr(text, "\nphotos:");
	char *ru = photos ? strstr(photos, "\n      ru: ") : NULL;
	char *end = ru ? strchr(ru + 1, '\n') : NULL;
	char *mark = ru ? strstr(ru, " (bench ") : NULL;
	if (!end) {
		fprintf(stderr, "bench_reload: no caption to change in %s\n", file);
		free(text);
		return;
	}
	char *cut = mark && mark < end ? mark : end; /* the caption without our number */
	f = fopen(file, "w");
	if (f) {
		fwrite(text, 1, (size_t)(cut - text), f);
		fprintf(f, " (bench %d)%s", n, end);
		fclose(f);
	}
	free(text);
}

int main(int argc, char **argv)
{
	bigalloc_install();
	const char *src = argc > 1 ? argv[1] : "content";
	char dir[] = "/tmp/twinhall-bench-reload-XXXXXX", state[128], cmd[512], file[256];
	if (!mkdtemp(dir))
		return 1;
	snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'", src, dir);
	snprintf(state, sizeof state, "%s.state", dir);
	snprintf(file, sizeof file, "%s/cities/oxford/city.yaml", dir);
	struct bench b = {0};
	if (system(cmd) != 0 || SDL_Init(SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
		fprintf(stderr, "bench_reload: cannot start on %s\n", src);
		return 1;
	}
	b.wake_event = SDL_RegisterEvents(2);
	live_event = b.wake_event + 1;
	struct live_config lc = {.dir = dir, .state_dir = state};
	b.live = live_start(&lc, wake, NULL); /* it loads dir through its store */
	b.surf = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	b.ren = b.surf ? SDL_CreateSoftwareRenderer(b.surf) : NULL;
	const struct content *shown = b.live ? live_content(b.live) : NULL;
	b.text = b.ren && shown ? text_new_for(b.ren, shown) : NULL;
	b.v = b.text ? visit_new(b.ren, b.text, shown, 0, W, H, 0, b.wake_event, NULL) : NULL;
	struct nav_state at;
	if (!b.v || nav_parse(&shown->hall, "city/oxford/photos/1", &at) != 0) {
		fprintf(stderr, "bench_reload: cannot set up the visit\n");
		return 1;
	}
	at.last_input_ms = at.since_ms = SDL_GetTicks64();
	visit_goto(b.v, &at);
	static struct samples calm, reloading, latency, swap, swap_frame, after, before;
	for (int i = 0; i < 120; i++) /* images in, caches warm */
		frame(&b);
	/* The same screen, redrawn, no reload: as many frames as the reloads
	 * take, so both maxima come from samples of one size. */
	for (int i = 0; i < SAVES * 100; i++) {
		visit_goto(b.v, visit_state(b.v));
		add(&calm, frame(&b));
	}
	for (int n = 1; n <= SAVES; n++) {
		double saved = ms_now(), swapped = 0, complete = 0;
		save(file, n);
		/* Frames go on as a visitor's would: redrawn every frame. */
		while (ms_now() - saved < 5000) {
			if (!swapped)
				visit_goto(b.v, visit_state(b.v));
			double t = frame(&b);
			if (getenv("BENCH_DEBUG"))
				fprintf(stderr, "save %d +%.0f ms: frame %.1f ms%s%s%s\n", n,
				        ms_now() - saved, t, b.swapped ? " swap" : "",
				        visit_holding(b.v) ? " holding" : "",
				        complete ? " complete" : "");
			add(&reloading, t);
			if (swapped)
				add(&after, t);
			else if (!b.swapped)
				add(&before, t);
			if (b.swapped) {
				swapped = ms_now();
				add(&swap_frame, t);
			}
			/* The crossfade begins in the first frame with the new
			 * place's text and images all in. */
			if (swapped && !complete && !visit_holding(b.v))
				complete = ms_now();
			if (complete && ms_now() - complete > FADE_MS + 100)
				break;
		}
		if (complete) {
			add(&swap, swapped - saved);
			add(&latency, complete + FADE_MS - saved); /* the crossfade's end */
		}
	}
	double calm50 = quantile(&calm, 0.5), worst = quantile(&reloading, 1);
	printf("%-58s %10s  %s\n", "figure", "value", "unit");
	printf("%-58s %10zu  %s\n", "saves measured", latency.n, "");
	printf("%-58s %5.0f/%4.0f  ms (median/max; target < 1500)\n",
	       "save to new content fully on screen (1 s quiet included)", quantile(&latency, 0.5),
	       quantile(&latency, 1));
	printf("%-58s %5.0f/%4.0f  ms (median/max)\n", "save to the swap between two frames",
	       quantile(&swap, 0.5), quantile(&swap, 1));
	printf("%-58s %5.1f/%4.1f  ms (p50/max)\n", "frame time without reloads", calm50,
	       quantile(&calm, 1));
	printf("%-58s %5.1f/%4.1f  ms (p50/max)\n", "frame time while reloading",
	       quantile(&reloading, 0.5), worst);
	printf("%-58s %5.1f/%4.1f  ms (p50/max)\n",
	       "frames from the save to the swap (other threads)", quantile(&before, 0.5),
	       quantile(&before, 1));
	printf("%-58s %5.1f/%4.1f  ms (p50/max)\n", "the frame that swaps the content in",
	       quantile(&swap_frame, 0.5), quantile(&swap_frame, 1));
	printf("%-58s %5.1f/%4.1f  ms (p50/max)\n", "frames after it (hold and crossfade)",
	       quantile(&after, 0.5), quantile(&after, 1));
	double ours = quantile(&swap_frame, 1) > quantile(&after, 1) ? quantile(&swap_frame, 1)
	                                                             : quantile(&after, 1);
	printf("%-58s %10.2f  x (target <= 2)\n", "worst frame during reloads / p50 without",
	       calm50 > 0 ? worst / calm50 : 0);
	printf("%-58s %10.2f  x\n", "  of the swap and after it / p50 without",
	       calm50 > 0 ? ours / calm50 : 0);
	printf("%-58s %10.2f  x\n", "  without reloads: max / p50 (this machine's noise)",
	       calm50 > 0 ? quantile(&calm, 1) / calm50 : 0);
	visit_free(b.v);
	text_free(b.text);
	SDL_DestroyRenderer(b.ren);
	SDL_FreeSurface(b.surf);
	live_stop(b.live);
	snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", dir, state);
	if (system(cmd) != 0)
		fprintf(stderr, "bench_reload: could not remove %s\n", dir);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
