/*
 * A drive that turns read-only under a running program, for the read-only test: loaded
 * with LD_PRELOAD into the child, it makes every write, sync, truncate and open-for-
 * writing of a file whose path starts with $CAIRN_RO_PREFIX fail with EROFS (and
 * access(W_OK) answer EROFS) once the file $CAIRN_RO_TRIGGER exists, as the kernel does
 * after `mount -o remount,ro`, which Linux refuses while files are open for writing.
 * Built by the test with gcc into a temporary folder.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static int triggered(void) {
  const char *trigger = getenv("CAIRN_RO_TRIGGER");
  struct stat st;
  return trigger != NULL && stat(trigger, &st) == 0;
}

static int guarded_path(const char *path) {
  const char *prefix = getenv("CAIRN_RO_PREFIX");
  return prefix != NULL && path != NULL && strncmp(path, prefix, strlen(prefix)) == 0;
}

static int guarded_fd(int fd) {
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return 0;
  path[n] = '\0';
  return guarded_path(path);
}

static int refuse_fd(int fd) {
  if (fd > 2 && triggered() && guarded_fd(fd)) {
    errno = EROFS;
    return 1;
  }
  return 0;
}

static int refuse_open(const char *path, int flags) {
  if ((flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) && triggered() && guarded_path(path)) {
    errno = EROFS;
    return 1;
  }
  return 0;
}

ssize_t write(int fd, const void *buf, size_t n) { return refuse_fd(fd) ? -1 : REAL(write)(fd, buf, n); }
ssize_t pwrite(int fd, const void *buf, size_t n, off_t at) { return refuse_fd(fd) ? -1 : REAL(pwrite)(fd, buf, n, at); }
ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t at) { return refuse_fd(fd) ? -1 : REAL(pwrite64)(fd, buf, n, at); }
ssize_t writev(int fd, const struct iovec *iov, int count) { return refuse_fd(fd) ? -1 : REAL(writev)(fd, iov, count); }
int fsync(int fd) { return refuse_fd(fd) ? -1 : REAL(fsync)(fd); }
int fdatasync(int fd) { return refuse_fd(fd) ? -1 : REAL(fdatasync)(fd); }
int ftruncate(int fd, off_t size) { return refuse_fd(fd) ? -1 : REAL(ftruncate)(fd, size); }
int ftruncate64(int fd, off64_t size) { return refuse_fd(fd) ? -1 : REAL(ftruncate64)(fd, size); }

int access(const char *path, int mode) {
  if ((mode & W_OK) && triggered() && guarded_path(path)) {
    errno = EROFS;
    return -1;
  }
  return REAL(access)(path, mode);
}

int faccessat(int dirfd, const char *path, int mode, int flags) {
  if ((mode & W_OK) && triggered() && guarded_path(path)) {
    errno = EROFS;
    return -1;
  }
  return REAL(faccessat)(dirfd, path, mode, flags);
}

#define OPEN_SHIM(name, ...)                                   \
  int name(__VA_ARGS__, int flags, ...) {                      \
    mode_t mode = 0;                                           \
    if (flags & (O_CREAT | O_TMPFILE)) {                       \
      va_list args;                                            \
      va_start(args, flags);                                   \
      mode = va_arg(args, mode_t);                             \
      va_end(args);                                            \
    }                                                          \
    if (refuse_open(path, flags)) return -1;                   \
    return OPEN_CALL(name);                                    \
  }

#define OPEN_CALL(name) REAL(name)(path, flags, mode)
OPEN_SHIM(open, const char *path)
OPEN_SHIM(open64, const char *path)
#undef OPEN_CALL
#define OPEN_CALL(name) REAL(name)(dirfd, path, flags, mode)
OPEN_SHIM(openat, int dirfd, const char *path)
OPEN_SHIM(openat64, int dirfd, const char *path)
