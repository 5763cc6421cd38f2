/* thread_background: the threads that decode, parse and watch yield the CPU
 * to the render thread. On two cores the render thread shares them with two
 * decoders and the content loader; at equal priority a frame drawn while
 * they work took two or three times as long. */
#ifndef TWINHALL_THREAD_BACKGROUND_H
#define TWINHALL_THREAD_BACKGROUND_H

/* Lowers the calling thread's priority by 10 nice steps (the kernel stops
 * at 19; Linux keeps a nice value per thread). Raising one's own nice value
 * needs no privilege; when it fails anyway the thread goes on as it was. */
void thread_background(void);

#endif
