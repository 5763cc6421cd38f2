/* Per-city isolation (issue 20, point 7): a city with errors keeps its
 * last good version, or is shown without the photos that have errors, or
 * is left out, while every other change is taken; only hall.yaml's errors
 * hold the whole hall back; --check's strict load still fails on any
 * error. Runs on copies of the test content. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content/content.h"
#include "test.h"

static int failures_;
static char dir[64];

static void sh(const char *fmt)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd, fmt, dir, dir, dir);
	CHECK_INT(system(cmd), 0);
}

static const struct city *city(const struct content *c, const char *id)
{
	for (size_t i = 0; c && i < c->hall.n_cities; i++)
		if (strcmp(c->hall.cities[i].id, id) == 0)
			return &c->hall.cities[i];
	return NULL;
}

static struct content *load(const struct content *good, size_t *errors)
{
	struct diag *d = diag_new();
	struct content *c = content_load_kept(dir, NULL, good, d);
	*errors = diag_count(d, DIAG_ERROR);
	diag_free(d);
	return c;
}

static bool strict_fails(void)
{
	struct diag *d = diag_new();
	struct content *c = content_load(dir, d);
	bool failed = !c && diag_count(d, DIAG_ERROR) > 0;
	content_free(c);
	diag_free(d);
	return failed;
}

static void fresh(void)
{
	sh("rm -rf '%s' && cp -r tests/fixtures/content '%s' #%s");
}

/* No good version yet: one missing English name takes only its city off. */
static void test_no_good_version_leaves_out_one_city(void)
{
	fresh();
	sh("sed -i '0,/^  en: Oxford$/{/^  en: Oxford$/d}' '%s/cities/oxford/city.yaml' #%s%s");
	size_t errors;
	struct content *c = load(NULL, &errors);
	CHECK(c != NULL);
	CHECK(errors > 0);
	CHECK_INT(c ? c->hall.n_cities : 0, 5);
	CHECK_INT(c ? c->cities_listed : 0, 6);
	CHECK(city(c, "oxford") == NULL);
	CHECK(city(c, "duisburg") != NULL);
	CHECK(strict_fails());
	content_free(c);
}

/* A good version: the broken city stays as it was; another city's edit
 * goes through. */
static void test_broken_city_keeps_its_last_good_version(void)
{
	fresh();
	size_t errors;
	struct content *good = load(NULL, &errors);
	CHECK(good != NULL);
	CHECK_INT(errors, 0);
	sh("sed -i 's/^  en: Oxford$/  en: Oxford/; s/^name:/nmae:/' '%s/cities/oxford/city.yaml' "
	   "&& sed -i 's/^  en: Duisburg$/  en: Duisburg (edited)/' "
	   "'%s/cities/duisburg/city.yaml' #%s");
	struct content *c = load(good, &errors);
	CHECK(c != NULL);
	CHECK(errors > 0);
	CHECK_INT(c ? c->hall.n_cities : 0, 6);
	const struct city *ox = city(c, "oxford"), *du = city(c, "duisburg");
	CHECK(ox && ox->origin == CITY_KEPT);
	CHECK(ox && strcmp(content_text(&ox->name, 1), "Oxford") == 0);
	CHECK(ox && ox->n_photos == city(good, "oxford")->n_photos);
	CHECK(du && du->origin == CITY_NEW);
	CHECK(du && strcmp(content_text(&du->name, 1), "Duisburg (edited)") == 0);
	content_free(good); /* the kept city is a copy: it outlives good */
	CHECK(ox && strcmp(ox->photos[0].image.path,
	                   "cities/oxford/photos/01-town-hall-declaration.jpg") == 0);
	/* A city folder deleted before it is taken out of hall.yaml. */
	good = c;
	sh("rm -rf '%s/cities/qingdao' #%s%s");
	c = load(good, &errors);
	CHECK(errors > 0);
	CHECK(city(c, "qingdao") && city(c, "qingdao")->origin == CITY_KEPT);
	content_free(good);
	content_free(c);
}

/* A photo cut short, no good version: only that photo is left out. */
static void test_broken_photo_is_left_out(void)
{
	fresh();
	sh("truncate -s 3000 '%s/cities/oxford/photos/02-twentieth-anniversary.jpg' #%s%s");
	size_t errors;
	struct content *c = load(NULL, &errors);
	CHECK(errors > 0);
	const struct city *ox = city(c, "oxford");
	CHECK(ox && ox->origin == CITY_TRIMMED);
	CHECK_INT(ox ? ox->n_photos : 0, 2);
	CHECK_INT(c ? c->hall.n_cities : 0, 6);
	content_free(c);
}

/* hall.yaml broken: nothing is taken. */
static void test_broken_hall_takes_nothing(void)
{
	fresh();
	sh("sed -i 's/^title:/titel:/' '%s/hall.yaml' #%s%s");
	size_t errors;
	struct content *c = load(NULL, &errors);
	CHECK(c == NULL);
	CHECK(errors > 0);
}

int main(void)
{
	snprintf(dir, sizeof dir, "/tmp/twinhall-keep-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	RUN(test_no_good_version_leaves_out_one_city);
	RUN(test_broken_city_keeps_its_last_good_version);
	RUN(test_broken_photo_is_left_out);
	RUN(test_broken_hall_takes_nothing);
	sh("rm -rf '%s' #%s%s");
	return failures_ ? 1 : 0;
}
