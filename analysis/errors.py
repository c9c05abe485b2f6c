"""User-facing errors: one line naming the file and the problem, never a traceback."""
import sys


class InputError(Exception):
    """A problem with one input file or path, reported as 'PATH: problem'."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CorpusError(Exception):
    """Several bad inputs at once: every one is reported, not just the first."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def print_errors(error: InputError | CorpusError) -> int:
    """One 'error: PATH: problem' line per bad input on stderr; returns the exit code for user mistakes."""
    for err in getattr(error, "errors", [error]):
        print(f"error: {err}", file=sys.stderr)
    return 2
