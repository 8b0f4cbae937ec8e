"""Run a pack build in a child process with a time limit and an address-space limit."""

import multiprocessing
import resource
import time
import traceback
from pathlib import Path

from django.conf import settings

from packs.builder import Progress, build_pdf


class PackBuildError(Exception):
    """A build that failed; the message says why, for the person who asked for the pack."""


def _address_space_in_use() -> int:
    """This process's virtual size in bytes (Linux), 0 where /proc is not available."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(connection, pack: dict, output: str, memory_mb: int) -> None:
    # The child inherits the worker's address space, which varies from process to process (threads, libraries),
    # so the limit is what the build may add on top of it.
    limit = _address_space_in_use() + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        manifest = build_pdf(pack, Path(output), lambda step, label: connection.send(("progress", step, label)))
        connection.send(("done", manifest))
    except MemoryError:
        connection.send(("error", f"The build ran out of memory (limit {memory_mb} MB)."))
    except BaseException as error:  # reported to the parent, which fails the job with the reason
        connection.send(("error", f"{type(error).__name__}: {error}", traceback.format_exc()))
    finally:
        connection.close()


def build_in_child(pack: dict, output: Path, progress: Progress, *, time_limit=None, memory_mb=None) -> dict:
    """Build in a forked child; kill it and raise PackBuildError if it runs out of time or memory."""
    time_limit = time_limit or settings.ATTEST_PACK_TIME_LIMIT_SECONDS
    memory_mb = memory_mb or settings.ATTEST_PACK_MEMORY_LIMIT_MB
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, pack, str(output), memory_mb), daemon=True)
    child.start()
    sender.close()
    deadline = _now() + time_limit
    try:
        while True:
            remaining = deadline - _now()
            if remaining <= 0:
                raise PackBuildError(f"The build took longer than the limit of {time_limit} seconds and was stopped.")
            if not receiver.poll(min(remaining, 1.0)):
                if not child.is_alive() and not receiver.poll(0):
                    raise PackBuildError(_death_reason(child.exitcode, memory_mb))
                continue
            try:
                message = receiver.recv()
            except EOFError:
                child.join(5)
                raise PackBuildError(_death_reason(child.exitcode, memory_mb))
            if message[0] == "progress":
                progress(message[1], message[2])
            elif message[0] == "done":
                return message[1]
            else:
                raise PackBuildError(message[1])
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()


def _death_reason(exitcode, memory_mb: int) -> str:
    if exitcode is not None and exitcode < 0:
        return f"The build process was killed (signal {-exitcode}); it may have exceeded the memory limit of {memory_mb} MB."
    return f"The build process stopped unexpectedly (exit code {exitcode}); the memory limit is {memory_mb} MB."


def _now() -> float:
    return time.monotonic()
