/* The map's land: rings read from the committed asset's format and
 * filled by the even-odd rule with soft edges, and the real asset puts
 * land and sea where they are. */
#include <stdlib.h>
#include <unistd.h>

#include "render/land.h"
#include "test.h"

static int failures_;

static uint8_t at(const uint8_t *m, int w, int x, int y)
{
	return m[y * w + x];
}

/* A square with a square hole, on a 100 x 100 view of 0..10 E, 0..10 N. */
static void test_square_with_hole(void)
{
	char dir[] = "/tmp/test_land.XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	CHECK(test_write_file(dir, "land.txt",
	                      "# twinhall land 1\n"
	                      "2,2 8,2 8,8 2,8\n"
	                      "4,4 6,4 6,6 4,6\n"
	                      "1,1 2,1\n", /* too short to be a ring: left out */
	                      "w") == 0);
	char path[256];
	snprintf(path, sizeof path, "%s/land.txt", dir);
	struct land *land = land_load(path);
	CHECK(land != NULL);
	CHECK_INT(land_rings(land), 2);
	struct geo_view v = {0, 10, 0, 10, {50, 50, 100, 100}};
	uint8_t *m = malloc(100 * 100);
	land_mask(land, &v, m);
	CHECK_INT(at(m, 100, 30, 30), 255); /* land */
	CHECK_INT(at(m, 100, 50, 50), 0);   /* the hole */
	CHECK_INT(at(m, 100, 10, 10), 0);   /* sea */
	CHECK_INT(at(m, 100, 90, 50), 0);
	/* The edge at 2 E is pixel 20's left side: a half-covered pixel is
	 * soft, no pixel beyond the edge is touched. */
	CHECK_INT(at(m, 100, 19, 50), 0);
	CHECK_INT(at(m, 100, 20, 50), 255);
	v.lon0 = 1.95; /* the edge now halfway through pixel 0 */
	v.lon1 = 11.95;
	land_mask(land, &v, m);
	CHECK(at(m, 100, 0, 50) > 100 && at(m, 100, 0, 50) < 155);
	CHECK_INT(at(m, 100, 1, 50), 255);
	free(m);
	land_free(land);
	snprintf(path, sizeof path, "rm -r %s", dir);
	CHECK(system(path) == 0);
	CHECK(land_load("/nonexistent/land.txt") == NULL);
}

/* The committed asset: the Sahara and Siberia are land, the Atlantic and
 * the Black Sea are not; a ring across the 180th meridian (Chukotka)
 * makes no stripe across the world. */
static void test_asset(void)
{
	struct land *land = land_load("assets/map/land.txt");
	CHECK(land != NULL && land_rings(land) > 100);
	if (!land)
		return;
	struct geo_view v = {-180, 180, -60, 85, {0, 0, 720, 290}};
	uint8_t *m = malloc(720 * 290);
	land_mask(land, &v, m);
	/* 2 px a degree: x = (lon + 180) * 2, y = (85 - lat) * 2. */
	CHECK_INT(at(m, 720, (int)((15 + 180) * 2), (int)((85 - 25) * 2)), 255);   /* Sahara */
	CHECK_INT(at(m, 720, (int)((100 + 180) * 2), (int)((85 - 62) * 2)), 255);  /* Siberia */
	CHECK_INT(at(m, 720, (int)((-40 + 180) * 2), (int)((85 - 35) * 2)), 0);    /* Atlantic */
	CHECK_INT(at(m, 720, (int)((34 + 180) * 2), (int)((85 - 43) * 2)), 0);     /* Black Sea */
	CHECK_INT(at(m, 720, (int)((-150 + 180) * 2), (int)((85 - 20) * 2)), 0);   /* Pacific */
	CHECK_INT(at(m, 720, (int)((-175 + 180) * 2), (int)((85 - 66) * 2)), 255); /* Chukotka */
	free(m);
	land_free(land);
}

int main(void)
{
	RUN(test_square_with_hole);
	RUN(test_asset);
	return failures_ != 0;
}
