/* make_bench_photos: the content set the photo benchmark runs on. Copies a
 * content directory's hall.yaml, flags, gifts and city.yaml files into
 * OUT_DIR, replaces every city's photos with four generated ones (three
 * 6000x4000 JPEGs at quality 90 with camera-like entropy, one 3000x2000 PNG
 * scan) and lists them in its city.yaml. Images already there are kept, so a
 * second run takes well under a second.
 * Usage: make_bench_photos SRC_CONTENT OUT_DIR */
#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <jpeglib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content/content.h"

enum {
	PHOTO_W = 6000,
	PHOTO_H = 4000,
	SCAN_W = 3000,
	SCAN_H = 2000,
	JPEGS_PER_CITY = 3,
	QUALITY = 90,
	TERMS = 4, /* separable terms of the large and middle scale picture */
	MAX_JOBS = 64,
};

struct job {
	char path[1024];
	unsigned seed;
	int png;
};

static struct job jobs[MAX_JOBS];
static int n_jobs;
static SDL_atomic_t next_job, failures;

static unsigned xorshift(unsigned *s)
{
	unsigned x = *s;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *s = x;
}

static float frand(unsigned *s)
{
	return (float)(xorshift(s) >> 8) / (float)(1 << 24);
}

/* The picture as a sum of products of row and column waves: smooth light
 * and colour across the frame plus middle-size shapes, cheap per pixel. */
struct scene {
	int w, h;
	float *cols[3][TERMS], *rows[3][TERMS];
	float edge_x[64], edge_y[64]; /* hard edges: buildings, frames */
	int noise;                    /* amplitude of the fine grain, levels */
};

static float *wave(int n, unsigned *s, float scale, float lo_period, float hi_period)
{
	float *t = malloc((size_t)n * sizeof *t);
	if (!t)
		return NULL;
	float p1 = lo_period + frand(s) * (hi_period - lo_period), ph1 = frand(s) * 6.28f;
	float p2 = p1 / (2.5f + frand(s)), ph2 = frand(s) * 6.28f;
	for (int i = 0; i < n; i++)
		t[i] = scale * (0.7f * sinf((float)i / p1 * 6.28f + ph1) +
		                0.3f * sinf((float)i / p2 * 6.28f + ph2));
	return t;
}

static void scene_free(struct scene *sc)
{
	for (int c = 0; c < 3; c++)
		for (int k = 0; k < TERMS; k++) {
			free(sc->cols[c][k]);
			free(sc->rows[c][k]);
		}
}

static int scene_init(struct scene *sc, int w, int h, unsigned seed, int noise)
{
	memset(sc, 0, sizeof *sc);
	sc->w = w;
	sc->h = h;
	sc->noise = noise;
	unsigned s = seed * 2654435761u + 1;
	for (int c = 0; c < 3; c++)
		for (int k = 0; k < TERMS; k++) {
			/* term 0: the whole frame; later terms: ever smaller shapes */
			float big = (float)w / (float)(1 << (2 * k));
			sc->cols[c][k] = wave(w, &s, 1.0f, big * 0.5f, big * 1.5f);
			sc->rows[c][k] = wave(h, &s, 1.0f, big * 0.4f, big * 1.2f);
			if (!sc->cols[c][k] || !sc->rows[c][k])
				return -1;
		}
	for (int i = 0; i < 64; i++) {
		sc->edge_x[i] = frand(&s) * (float)w;
		sc->edge_y[i] = (0.35f + 0.5f * frand(&s)) * (float)h;
	}
	return 0;
}

static const float term_gain[TERMS] = {70, 35, 18, 10};

/* One row of RGB bytes. */
static void scene_row(const struct scene *sc, int y, unsigned char *out, unsigned *rng,
                      const float base[3])
{
	int bx = (int)(sc->edge_x[y % 7]) % sc->w; /* a window edge every few rows */
	for (int x = 0; x < sc->w; x++) {
		int grain = (int)(xorshift(rng) % (unsigned)(2 * sc->noise + 1)) - sc->noise;
		/* a skyline: darker blocks below edge_y in columns of edge_x */
		int blk = (x * 64 / sc->w);
		float shade = (float)y > sc->edge_y[blk] ? -40.0f : 0.0f;
		if (x == bx)
			shade -= 30;
		for (int c = 0; c < 3; c++) {
			float v = base[c] + shade;
			for (int k = 0; k < TERMS; k++)
				v += term_gain[k] * sc->cols[c][k][x] * sc->rows[c][k][y];
			int iv = (int)v + grain + (int)(xorshift(rng) & 3) - 1;
			out[3 * x + c] = (unsigned char)(iv < 0 ? 0 : iv > 255 ? 255 : iv);
		}
	}
}

static int write_jpeg(const char *path, unsigned seed)
{
	struct scene sc;
	unsigned char *row = malloc((size_t)PHOTO_W * 3);
	FILE *f = fopen(path, "wb");
	int rc = -1;
	if (!row || !f || scene_init(&sc, PHOTO_W, PHOTO_H, seed, 9) != 0)
		goto end;
	unsigned rng = seed * 747796405u + 12345u;
	float base[3] = {110 + frand(&rng) * 40, 105 + frand(&rng) * 40, 95 + frand(&rng) * 40};
	struct jpeg_compress_struct cinfo;
	struct jpeg_error_mgr jerr;
	cinfo.err = jpeg_std_error(&jerr);
	jpeg_create_compress(&cinfo);
	jpeg_stdio_dest(&cinfo, f);
	cinfo.image_width = PHOTO_W;
	cinfo.image_height = PHOTO_H;
	cinfo.input_components = 3;
	cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, QUALITY, TRUE);
	jpeg_start_compress(&cinfo, TRUE);
	for (int y = 0; y < PHOTO_H; y++) {
		scene_row(&sc, y, row, &rng, base);
		JSAMPROW r = row;
		jpeg_write_scanlines(&cinfo, &r, 1);
	}
	jpeg_finish_compress(&cinfo);
	jpeg_destroy_compress(&cinfo);
	rc = 0;
end:
	if (f && fclose(f) != 0)
		rc = -1;
	scene_free(&sc);
	free(row);
	return rc;
}

/* A scanned document: light paper, grain, lines of "text". */
static int write_png(const char *path, unsigned seed)
{
	struct scene sc;
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormat(0, SCAN_W, SCAN_H, 24, SDL_PIXELFORMAT_RGB24);
	int rc = -1;
	if (!s || scene_init(&sc, SCAN_W, SCAN_H, seed, 3) != 0)
		goto end;
	unsigned rng = seed * 747796405u + 54321u;
	const float paper[3] = {205, 195, 170};
	for (int y = 0; y < SCAN_H; y++) {
		unsigned char *p = (unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch;
		scene_row(&sc, y, p, &rng, paper);
		int line = y % 48 < 22 && y > 200 && y < SCAN_H - 200;
		for (int x = 300; line && x < SCAN_W - 300; x++)
			if ((x / 9 + y / 48) % 7 != 0 && xorshift(&rng) % 3 == 0)
				p[3 * x] = p[3 * x + 1] = p[3 * x + 2] = 40;
	}
	rc = IMG_SavePNG(s, path);
	if (rc != 0)
		fprintf(stderr, "make_bench_photos: %s: %s\n", path, IMG_GetError());
end:
	scene_free(&sc);
	SDL_FreeSurface(s);
	return rc;
}

/* Writes to a temporary name first so a killed run leaves no half image. */
static int run_job(const struct job *j)
{
	char tmp[1100];
	snprintf(tmp, sizeof tmp, "%s.part", j->path);
	int rc = j->png ? write_png(tmp, j->seed) : write_jpeg(tmp, j->seed);
	if (rc == 0 && rename(tmp, j->path) != 0)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "make_bench_photos: cannot write %s\n", j->path);
		remove(tmp);
	}
	return rc;
}

static int worker(void *unused)
{
	(void)unused;
	int i;
	while ((i = SDL_AtomicAdd(&next_job, 1)) < n_jobs)
		if (run_job(&jobs[i]) != 0)
			SDL_AtomicAdd(&failures, 1);
	return 0;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && st.st_size > 0;
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0755) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "make_bench_photos: cannot create %s: %s\n", path, strerror(errno));
	return -1;
}

/* Creates every folder of the file path rel below root. */
static int make_parents(const char *root, const char *rel)
{
	char p[1024];
	int n = snprintf(p, sizeof p, "%s/%s", root, rel);
	if (n < 0 || (size_t)n >= sizeof p)
		return -1;
	for (char *s = p + strlen(root) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		if (make_dir(p) != 0)
			return -1;
		*s = '/';
	}
	return 0;
}

static int copy_file(const char *src_root, const char *dst_root, const char *rel)
{
	char a[1024], b[1024], buf[65536];
	snprintf(a, sizeof a, "%s/%s", src_root, rel);
	snprintf(b, sizeof b, "%s/%s", dst_root, rel);
	if (make_parents(dst_root, rel) != 0)
		return -1;
	FILE *in = fopen(a, "rb"), *out = in ? fopen(b, "wb") : NULL;
	size_t n;
	int rc = in && out ? 0 : -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "make_bench_photos: cannot copy %s to %s\n", a, b);
	return rc;
}

/* True for a line that starts a top-level YAML key. */
static int top_level_key(const char *line)
{
	return line[0] != ' ' && line[0] != '\t' && line[0] != '#' && line[0] != '\n' &&
	       line[0] != '\r' && line[0] != '-' && line[0] != '\0';
}

static const char *photo_name(int k)
{
	static const char *names[] = {"photos/bench-1.jpg", "photos/bench-2.jpg",
	                              "photos/bench-3.jpg", "photos/bench-4-scan.png"};
	return names[k];
}

/* city.yaml of src without its photos section, then the generated photos. */
static int write_city_yaml(const struct content *c, const char *src, const char *dst)
{
	FILE *in = fopen(src, "r"), *out = in ? fopen(dst, "w") : NULL;
	if (!in || !out) {
		fprintf(stderr, "make_bench_photos: cannot rewrite %s as %s\n", src, dst);
		if (in)
			fclose(in);
		return -1;
	}
	char line[4096];
	int skipping = 0;
	while (fgets(line, sizeof line, in)) {
		if (top_level_key(line))
			skipping = strncmp(line, "photos:", 7) == 0;
		if (!skipping)
			fputs(line, out);
	}
	fclose(in);
	fprintf(out, "\n# Generated by make_bench_photos for the photo benchmark.\nphotos:\n");
	for (int k = 0; k <= JPEGS_PER_CITY; k++) {
		fprintf(out, "  - file: %s\n    caption:\n", photo_name(k));
		for (int l = 0; l < c->hall.n_langs; l++)
			fprintf(out, "      %s: \"Benchmark photo %d (%s)\"\n", c->hall.langs[l],
			        k + 1,
			        k < JPEGS_PER_CITY ? "6000x4000 JPEG" : "3000x2000 PNG scan");
		fprintf(out, "    year: %d\n    credit: Generated by make_bench_photos\n",
		        2000 + k);
	}
	return fclose(out) == 0 ? 0 : -1;
}

/* Copies what city i needs besides photos, rewrites its city.yaml and
 * queues the images that are missing. */
static int prepare_city(const struct content *c, size_t i, const char *src, const char *dst)
{
	const struct city *y = &c->hall.cities[i];
	char a[1024], b[1024];
	int rc = copy_file(src, dst, y->flag.path);
	for (size_t g = 0; g < y->n_gifts && rc == 0; g++)
		rc = copy_file(src, dst, y->gifts[g].image.path);
	snprintf(a, sizeof a, "%s/cities/%s/city.yaml", src, y->id);
	snprintf(b, sizeof b, "%s/cities/%s/city.yaml", dst, y->id);
	char photos[600];
	snprintf(photos, sizeof photos, "cities/%s/photos/x", y->id);
	if (rc != 0 || make_parents(dst, photos) != 0 || write_city_yaml(c, a, b) != 0)
		return -1;
	for (int k = 0; k <= JPEGS_PER_CITY && n_jobs < MAX_JOBS; k++) {
		struct job *j = &jobs[n_jobs];
		snprintf(j->path, sizeof j->path, "%s/cities/%s/%s", dst, y->id, photo_name(k));
		j->seed = (unsigned)(i * 16 + (size_t)k + 1);
		j->png = k == JPEGS_PER_CITY;
		if (!exists(j->path))
			n_jobs++;
	}
	return 0;
}

static int generate(void)
{
	int cores = SDL_GetCPUCount(), n = cores < 1 ? 1 : cores > 8 ? 8 : cores;
	SDL_Thread *t[8];
	for (int i = 0; i < n; i++)
		t[i] = SDL_CreateThread(worker, "gen", NULL);
	for (int i = 0; i < n; i++)
		if (t[i])
			SDL_WaitThread(t[i], NULL);
		else
			worker(NULL);
	return SDL_AtomicGet(&failures) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: make_bench_photos SRC_CONTENT OUT_DIR\n");
		return 2;
	}
	const char *src = argv[1], *dst = argv[2];
	struct diag *d = diag_new();
	struct content *c = d ? content_load(src, d) : NULL;
	if (!c) {
		if (d)
			diag_print(d, stderr, src);
		diag_free(d);
		return 1;
	}
	int rc = make_dir(dst) == 0 ? 0 : 1;
	for (size_t i = 0; i < c->hall.n_cities && rc == 0; i++)
		rc = prepare_city(c, i, src, dst) == 0 ? 0 : 1;
	uint64_t t0 = SDL_GetTicks64();
	if (rc == 0 && n_jobs > 0) {
		printf("make_bench_photos: generating %d images into %s\n", n_jobs, dst);
		fflush(stdout);
		rc = generate() == 0 ? 0 : 1;
		printf("make_bench_photos: done in %.1f s\n",
		       (double)(SDL_GetTicks64() - t0) / 1000.0);
	}
	/* hall.yaml last: its time stamp says the set is complete */
	if (rc == 0)
		rc = copy_file(src, dst, "hall.yaml") == 0 ? 0 : 1;
	content_free(c);
	diag_free(d);
	return rc;
}
