"""What an ingest run did, and the closing summary the CLI prints."""
from __future__ import annotations

from dataclasses import dataclass, field


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass
class IngestReport:
    """Counts, skipped files and timings of one ingest run."""

    files_read: int = 0
    files_changed: int = 0
    files_ignored: int = 0
    chunks_added: int = 0
    chunks_unchanged: int = 0
    chunks_removed: int = 0
    chunks_embedded: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, note)
    # (path, claim id, sentence, vetted truth): passages that state a known-wrong legal claim
    conflicts: list[tuple[str, str, str, str]] = field(default_factory=list)
    seconds: float = 0.0  # excluding model load
    model_load_seconds: float | None = None  # None: the model was not needed
    generation: str = ""  # the generation serving after the run
    built: bool = False  # whether this run built (and activated) a new generation

    @property
    def exit_code(self) -> int:
        """0 when everything was ingested, 3 when some file was skipped."""
        return 3 if self.skipped else 0

    def summary_lines(self) -> list[str]:
        """The closing summary, one line per fact."""
        timing = f"{self.seconds:.1f} s"
        if self.model_load_seconds is not None:
            timing += f" (model load {self.model_load_seconds:.1f} s)"
        lines = [
            f"Read {_plural(self.files_read, 'file')}: {self.chunks_added} chunks added, "
            f"{self.chunks_unchanged} unchanged, {self.chunks_removed} removed; "
            f"{_plural(len(self.skipped), 'file')} skipped; {timing}"
        ]
        if self.built:
            lines.append(f"{self.chunks_embedded} chunks embedded; now serving {self.generation}")
        else:
            lines.append(f"Nothing changed: {self.chunks_embedded} chunks embedded")
        if self.files_ignored:
            lines.append(f"Ignored {_plural(self.files_ignored, 'file')} of unsupported types")
        lines += [f"Note: {path} — {note}" for path, note in self.notes]
        lines += [f"Conflict: {path} — \"{sentence}\" contradicts the knowledge base ({truth}); "
                  "it is never quoted as fact" for path, _, sentence, truth in self.conflicts]
        lines += [f"Skipped: {path} — {reason}" for path, reason in self.skipped]
        return lines
