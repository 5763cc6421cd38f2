#include "input/gesture.h"

#include <math.h>
#include <stdlib.h>

/* Samples kept per finger for the release velocity: at 240 Hz this still
 * reaches back over 100 ms, and more would only measure older movement. */
#define RING 32

struct sample {
	float x, y;
	uint64_t t;
};

struct finger {
	bool used;
	bool moved; /* has left the slop radius since landing */
	int64_t id;
	float x0, y0; /* where it landed */
	uint64_t t0;
	float x, y; /* where it is */
	struct sample ring[RING];
	unsigned head, count; /* ring[head] is the next to write */
};

/* What the current touch sequence is doing; each phase uses the fields
 * noted. One enum, no loose flags. */
enum phase {
	PH_IDLE,      /* no finger down */
	PH_PENDING,   /* one still finger, maybe a tap (main) */
	PH_HELD,      /* one still finger, LONG_PRESS emitted (main) */
	PH_DRAG,      /* one finger dragging (main) */
	PH_PINCH,     /* two fingers (pa, pb, d0, cx0, cy0) */
	PH_SPENT,     /* one finger left over from a pinch: silent until it lifts */
	PH_CANCELLED, /* CANCEL emitted: silent until every finger is up */
};

struct gesture_recognizer {
	struct gesture_config cfg;
	enum phase phase;
	struct finger f[GESTURE_MAX_FINGERS];
	int n; /* fingers used */
	int main;
	int pa, pb;
	float d0, cx0, cy0;
	/* The last lone tap, which a quick second one makes a double tap. */
	bool tap_armed;
	bool second_tap; /* the pending finger landed close and soon after it */
	float tap_x, tap_y;
	uint64_t tap_t;
};

/* Where gestures go: written while there is room, the rest dropped. */
struct sink {
	struct gesture *out;
	size_t cap, n;
};

static void emit(struct sink *s, struct gesture ge)
{
	if (s->n < s->cap)
		s->out[s->n++] = ge;
}

static struct gesture make(enum gesture_kind k, float x, float y, uint64_t t)
{
	return (struct gesture){.kind = k, .x = x, .y = y, .scale = 1.0f, .fingers = 1, .t_ms = t};
}

/* Time from then to now; a clock that steps back counts as no time. */
static uint64_t elapsed(uint64_t now, uint64_t then)
{
	return now > then ? now - then : 0;
}

static float dist(float ax, float ay, float bx, float by)
{
	return hypotf(bx - ax, by - ay);
}

struct gesture_config gesture_config_default(float dpi)
{
	if (!(dpi > 0.0f) || !isfinite(dpi))
		dpi = 92.0f;
	float mm = dpi / 25.4f;
	float slop = 2.0f * mm;
	if (slop < 6.0f)
		slop = 6.0f;
	return (struct gesture_config){
	    .slop_px = slop,
	    .tap_max_ms = 500,
	    .double_tap_ms = 300,
	    .double_tap_px = 4.0f * slop,
	    .long_press_ms = 600,
	    .swipe_min_velocity = 300.0f * dpi / 92.0f,
	    .swipe_min_distance = 8.0f * mm,
	    .velocity_window_ms = 80,
	};
}

struct gesture_recognizer *gesture_new(const struct gesture_config *c)
{
	if (!c)
		return NULL;
	struct gesture_recognizer *g = calloc(1, sizeof *g);
	if (!g)
		return NULL;
	g->cfg = *c;
	g->phase = PH_IDLE;
	return g;
}

void gesture_free(struct gesture_recognizer *g)
{
	free(g);
}

void gesture_reset(struct gesture_recognizer *g)
{
	if (!g)
		return;
	struct gesture_config cfg = g->cfg;
	*g = (struct gesture_recognizer){.cfg = cfg, .phase = PH_IDLE};
}

int gesture_active_fingers(const struct gesture_recognizer *g)
{
	return g ? g->n : 0;
}

static int find(const struct gesture_recognizer *g, int64_t id)
{
	for (int i = 0; i < GESTURE_MAX_FINGERS; i++)
		if (g->f[i].used && g->f[i].id == id)
			return i;
	return -1;
}

/* The finger at back steps before the newest (0 is the newest). */
static const struct sample *sample_at(const struct finger *f, unsigned back)
{
	return &f->ring[(f->head + RING - 1 - back) % RING];
}

static void push_sample(struct finger *f, float x, float y, uint64_t t)
{
	/* Several moves within one millisecond are one sample: the last place. */
	if (f->count > 1 && sample_at(f, 0)->t == t) {
		f->ring[(f->head + RING - 1) % RING] = (struct sample){x, y, t};
		return;
	}
	f->ring[f->head] = (struct sample){x, y, t};
	f->head = (f->head + 1) % RING;
	if (f->count < RING)
		f->count++;
}

/* Velocity in px/s between the newest sample and the last one at least the
 * window before it (or the oldest kept): a finger that stopped before lifting
 * measures near zero, however fast it went earlier. */
static void velocity(const struct finger *f, uint64_t window, float *vx, float *vy)
{
	*vx = *vy = 0.0f;
	if (f->count < 2)
		return;
	const struct sample *last = sample_at(f, 0), *ref = NULL;
	for (unsigned k = 1; k < f->count; k++) {
		ref = sample_at(f, k);
		if (elapsed(last->t, ref->t) >= window)
			break;
	}
	uint64_t dt = elapsed(last->t, ref->t);
	if (dt == 0)
		return;
	*vx = (last->x - ref->x) * 1000.0f / (float)dt;
	*vy = (last->y - ref->y) * 1000.0f / (float)dt;
}

static struct gesture pinch_gesture(const struct gesture_recognizer *g, enum gesture_kind k,
                                    uint64_t t)
{
	const struct finger *a = &g->f[g->pa], *b = &g->f[g->pb];
	float cx = (a->x + b->x) / 2.0f, cy = (a->y + b->y) / 2.0f;
	struct gesture ge = make(k, cx, cy, t);
	ge.dx = cx - g->cx0;
	ge.dy = cy - g->cy0;
	ge.scale = dist(a->x, a->y, b->x, b->y) / g->d0;
	ge.fingers = 2;
	return ge;
}

static void begin_pinch(struct gesture_recognizer *g, uint64_t t, struct sink *s)
{
	g->pa = g->pb = -1;
	for (int i = 0; i < GESTURE_MAX_FINGERS; i++) {
		if (!g->f[i].used)
			continue;
		if (g->pa < 0)
			g->pa = i;
		else
			g->pb = i;
	}
	const struct finger *a = &g->f[g->pa], *b = &g->f[g->pb];
	/* Fingers landing on one spot (found by fuzzing): measure the spread
	 * from the slop, so scale stays finite and moderate, and still begin
	 * at scale 1 as promised. */
	g->d0 = dist(a->x, a->y, b->x, b->y);
	if (g->d0 < g->cfg.slop_px)
		g->d0 = g->cfg.slop_px > 1.0f ? g->cfg.slop_px : 1.0f;
	g->cx0 = (a->x + b->x) / 2.0f;
	g->cy0 = (a->y + b->y) / 2.0f;
	g->phase = PH_PINCH;
	struct gesture ge = pinch_gesture(g, GESTURE_PINCH_BEGIN, t);
	ge.scale = 1.0f;
	emit(s, ge);
}

/* Abandons the sequence, at finger i (the one that landed or was lost). */
static void cancel(struct gesture_recognizer *g, int i, uint64_t t, struct sink *s)
{
	const struct finger *f = &g->f[i];
	struct gesture ge = make(GESTURE_CANCEL, f->x, f->y, t);
	ge.fingers = g->n;
	emit(s, ge);
	g->phase = PH_CANCELLED;
	g->tap_armed = false;
}

static struct gesture drag_gesture(const struct finger *f, enum gesture_kind k, uint64_t t)
{
	struct gesture ge = make(k, f->x, f->y, t);
	ge.dx = f->x - f->x0;
	ge.dy = f->y - f->y0;
	return ge;
}

/* A second finger ends whatever one finger was doing and starts a pinch. */
static void second_finger(struct gesture_recognizer *g, uint64_t t, struct sink *s)
{
	if (g->phase == PH_DRAG)
		emit(s, drag_gesture(&g->f[g->main], GESTURE_DRAG_END, t));
	g->tap_armed = false;
	begin_pinch(g, t, s);
}

static void first_finger(struct gesture_recognizer *g, int i, uint64_t t, struct sink *s)
{
	const struct finger *f = &g->f[i];
	g->main = i;
	g->phase = PH_PENDING;
	g->second_tap = g->tap_armed && elapsed(t, g->tap_t) <= g->cfg.double_tap_ms &&
	                dist(g->tap_x, g->tap_y, f->x, f->y) <= g->cfg.double_tap_px;
	emit(s, make(GESTURE_PRESS, f->x, f->y, t));
}

static void on_move(struct gesture_recognizer *g, int i, float x, float y, uint64_t t,
                    struct sink *s);

static void on_down(struct gesture_recognizer *g, const struct gesture_input *in, struct sink *s)
{
	int i = find(g, in->finger);
	if (i >= 0) { /* a repeated DOWN: the finger is still down, maybe moved */
		on_move(g, i, in->x, in->y, in->t_ms, s);
		return;
	}
	for (i = 0; i < GESTURE_MAX_FINGERS && g->f[i].used; i++)
		;
	if (i == GESTURE_MAX_FINGERS)
		return;
	struct finger *f = &g->f[i];
	*f = (struct finger){.used = true, .id = in->finger, .x0 = in->x, .y0 = in->y};
	f->t0 = in->t_ms;
	f->x = in->x;
	f->y = in->y;
	push_sample(f, in->x, in->y, in->t_ms);
	g->n++;
	if (g->phase == PH_CANCELLED)
		return;
	if (g->n >= 3)
		cancel(g, i, in->t_ms, s);
	else if (g->phase == PH_IDLE)
		first_finger(g, i, in->t_ms, s);
	else
		second_finger(g, in->t_ms, s);
}

static void on_move(struct gesture_recognizer *g, int i, float x, float y, uint64_t t,
                    struct sink *s)
{
	struct finger *f = &g->f[i];
	bool changed = x != f->x || y != f->y;
	f->x = x;
	f->y = y;
	push_sample(f, x, y, t);
	if (dist(f->x0, f->y0, x, y) > g->cfg.slop_px)
		f->moved = true;
	switch (g->phase) {
	case PH_PENDING:
	case PH_HELD:
		if (f->moved) {
			g->phase = PH_DRAG;
			g->tap_armed = false;
			struct gesture ge = drag_gesture(f, GESTURE_DRAG_BEGIN, t);
			ge.x = f->x0;
			ge.y = f->y0;
			emit(s, ge);
		}
		break;
	case PH_DRAG:
		if (changed)
			emit(s, drag_gesture(f, GESTURE_DRAG, t));
		break;
	case PH_PINCH:
		if (changed && (i == g->pa || i == g->pb))
			emit(s, pinch_gesture(g, GESTURE_PINCH, t));
		break;
	default:
		break;
	}
}

/* The lone still finger lifted: a tap (and maybe the second of a pair), or
 * a long press when it lasted too long for a tap. */
static void lift_still(struct gesture_recognizer *g, const struct finger *f, uint64_t t,
                       struct sink *s)
{
	if (elapsed(t, f->t0) > g->cfg.tap_max_ms) {
		emit(s, make(GESTURE_LONG_PRESS, f->x0, f->y0, t));
		g->tap_armed = false;
		return;
	}
	emit(s, make(GESTURE_TAP, f->x0, f->y0, t));
	if (g->second_tap) {
		emit(s, make(GESTURE_DOUBLE_TAP, f->x0, f->y0, t));
		g->tap_armed = false; /* a third tap starts a new pair */
		return;
	}
	g->tap_armed = true;
	g->tap_x = f->x0;
	g->tap_y = f->y0;
	g->tap_t = t;
}

static void lift_drag(struct gesture_recognizer *g, const struct finger *f, uint64_t t,
                      struct sink *s)
{
	struct gesture ge = drag_gesture(f, GESTURE_DRAG_END, t);
	velocity(f, g->cfg.velocity_window_ms, &ge.vx, &ge.vy);
	emit(s, ge);
	if (hypotf(ge.vx, ge.vy) >= g->cfg.swipe_min_velocity &&
	    hypotf(ge.dx, ge.dy) >= g->cfg.swipe_min_distance) {
		ge.kind = GESTURE_SWIPE;
		emit(s, ge);
	}
}

static void forget(struct gesture_recognizer *g, int i)
{
	g->f[i].used = false;
	g->n--;
	if (g->n == 0)
		g->phase = PH_IDLE;
}

static void on_up(struct gesture_recognizer *g, int i, uint64_t t, struct sink *s)
{
	const struct finger *f = &g->f[i];
	switch (g->phase) {
	case PH_PENDING:
		lift_still(g, f, t, s);
		break;
	case PH_DRAG:
		lift_drag(g, f, t, s);
		break;
	case PH_PINCH:
		if (i == g->pa || i == g->pb) {
			emit(s, pinch_gesture(g, GESTURE_PINCH_END, t));
			g->phase = PH_SPENT;
		}
		break;
	default:
		break;
	}
	if (g->phase != PH_CANCELLED && g->n == 1)
		emit(s, make(GESTURE_RELEASE, f->x, f->y, t));
	forget(g, i);
}

static void on_cancel(struct gesture_recognizer *g, int i, uint64_t t, struct sink *s)
{
	if (g->phase != PH_CANCELLED)
		cancel(g, i, t, s);
	forget(g, i);
}

/* Time-based gestures due by now: a still finger becomes a long press. */
static void due(struct gesture_recognizer *g, uint64_t now, struct sink *s)
{
	if (g->phase != PH_PENDING)
		return;
	const struct finger *f = &g->f[g->main];
	if (elapsed(now, f->t0) < g->cfg.long_press_ms)
		return;
	emit(s, make(GESTURE_LONG_PRESS, f->x0, f->y0, now));
	g->phase = PH_HELD;
	g->tap_armed = false;
}

size_t gesture_feed(struct gesture_recognizer *g, const struct gesture_input *in,
                    struct gesture *out, size_t cap)
{
	struct sink s = {out, out ? cap : 0, 0};
	if (!g || !in || !isfinite(in->x) || !isfinite(in->y))
		return 0;
	due(g, in->t_ms, &s);
	if (in->kind == GESTURE_IN_DOWN) {
		on_down(g, in, &s);
		return s.n;
	}
	int i = find(g, in->finger);
	if (i < 0)
		return s.n; /* a finger we never saw land (or dropped): ignore it */
	switch (in->kind) {
	case GESTURE_IN_MOVE:
		on_move(g, i, in->x, in->y, in->t_ms, &s);
		break;
	case GESTURE_IN_UP:
		on_move(g, i, in->x, in->y, in->t_ms, &s);
		on_up(g, i, in->t_ms, &s);
		break;
	case GESTURE_IN_CANCEL:
		on_cancel(g, i, in->t_ms, &s);
		break;
	default:
		break;
	}
	return s.n;
}

size_t gesture_tick(struct gesture_recognizer *g, uint64_t now_ms, struct gesture *out, size_t cap)
{
	struct sink s = {out, out ? cap : 0, 0};
	if (g)
		due(g, now_ms, &s);
	return s.n;
}

uint64_t gesture_deadline(const struct gesture_recognizer *g)
{
	if (!g || g->phase != PH_PENDING)
		return UINT64_MAX;
	uint64_t t0 = g->f[g->main].t0;
	if (t0 > UINT64_MAX - g->cfg.long_press_ms)
		return UINT64_MAX - 1; /* still due, at the end of time */
	return t0 + g->cfg.long_press_ms;
}

bool gesture_held(const struct gesture_recognizer *g, uint64_t now_ms, float *x, float *y,
                  uint64_t *held_ms)
{
	if (!g || g->n != 1)
		return false;
	int i = 0;
	while (!g->f[i].used)
		i++;
	const struct finger *f = &g->f[i];
	if (f->moved)
		return false;
	if (x)
		*x = f->x0;
	if (y)
		*y = f->y0;
	if (held_ms)
		*held_ms = elapsed(now_ms, f->t0);
	return true;
}

const char *gesture_kind_name(enum gesture_kind k)
{
	static const char *const names[] = {
	    [GESTURE_PRESS] = "PRESS",
	    [GESTURE_RELEASE] = "RELEASE",
	    [GESTURE_TAP] = "TAP",
	    [GESTURE_DOUBLE_TAP] = "DOUBLE_TAP",
	    [GESTURE_LONG_PRESS] = "LONG_PRESS",
	    [GESTURE_DRAG_BEGIN] = "DRAG_BEGIN",
	    [GESTURE_DRAG] = "DRAG",
	    [GESTURE_DRAG_END] = "DRAG_END",
	    [GESTURE_SWIPE] = "SWIPE",
	    [GESTURE_PINCH_BEGIN] = "PINCH_BEGIN",
	    [GESTURE_PINCH] = "PINCH",
	    [GESTURE_PINCH_END] = "PINCH_END",
	    [GESTURE_CANCEL] = "CANCEL",
	};
	if ((unsigned)k >= sizeof names / sizeof names[0] || !names[k])
		return "?";
	return names[k];
}
