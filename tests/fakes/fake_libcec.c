/* A fake libcec 6 for the tests (tests/cec.sh builds it as a shared
 * object and the hall loads it with --cec-library): the C API's functions
 * the hall calls, each appending one line to the file in $FAKE_CEC_LOG,
 * with an adapter on /dev/ttyFAKE0 unless $FAKE_CEC_ADAPTERS is 0, and an
 * open that takes $FAKE_CEC_OPEN_S seconds (a TV that does not answer). */
#include <libcec/cecc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fake_connection;

static void note(const char *fmt, const char *arg, int n)
{
	const char *path = getenv("FAKE_CEC_LOG");
	FILE *f = path ? fopen(path, "a") : NULL;
	if (!f)
		return;
	fprintf(f, fmt, arg, n);
	fputc('\n', f);
	fclose(f);
}

void libcec_clear_configuration(libcec_configuration *c)
{
	memset(c, 0, sizeof *c);
	note("clear_configuration%s", "", 0);
}

libcec_connection_t libcec_initialise(libcec_configuration *c)
{
	note("initialise %s type %d", c->strDeviceName, (int)c->deviceTypes.types[0]);
	return &fake_connection;
}

void libcec_destroy(libcec_connection_t conn)
{
	note("destroy%s", conn == &fake_connection ? "" : " (not ours)", 0);
}

int8_t libcec_detect_adapters(libcec_connection_t conn, cec_adapter_descriptor *list, uint8_t size,
                              const char *path, int quick)
{
	(void)conn;
	(void)path;
	const char *n = getenv("FAKE_CEC_ADAPTERS");
	int8_t found = n && strcmp(n, "0") == 0 ? 0 : 1;
	if (found && size > 0)
		snprintf(list[0].strComName, sizeof list[0].strComName, "/dev/ttyFAKE0");
	note("detect_adapters%s %d", "", found);
	(void)quick;
	return found;
}

int libcec_open(libcec_connection_t conn, const char *port, uint32_t timeout)
{
	(void)conn;
	(void)timeout;
	const char *s = getenv("FAKE_CEC_OPEN_S");
	note("open %s", port, 0);
	if (s)
		sleep((unsigned)atoi(s));
	return 1;
}

void libcec_close(libcec_connection_t conn)
{
	(void)conn;
	note("close%s", "", 0);
}

int libcec_standby_devices(libcec_connection_t conn, cec_logical_address address)
{
	(void)conn;
	note("standby%s %d", "", (int)address);
	return 1;
}

int libcec_power_on_devices(libcec_connection_t conn, cec_logical_address address)
{
	(void)conn;
	note("power_on%s %d", "", (int)address);
	return 1;
}

int libcec_set_active_source(libcec_connection_t conn, cec_device_type type)
{
	(void)conn;
	note("set_active_source%s %d", "", (int)type);
	return 1;
}
