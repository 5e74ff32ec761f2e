"""Settings from config.yaml, validated when loaded, with paths made absolute."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError


def project_root() -> Path:
    """The repository root: where config.yaml, schema/ and canon/ live."""
    env = os.environ.get("RETURNS_HOME")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parent.parent


class ConfigError(ValueError):
    """config.yaml is broken; the message names the file and the reason."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Paths(_Strict):
    raw: Path = Path("raw")
    normalized: Path = Path("normalized")
    schema_: Path = Field(Path("schema/questionnaire.yaml"), alias="schema")
    canon: Path = Path("canon")
    patterns: Path = Path("extractors/patterns")
    cache: Path = Path("normalized/cache")
    calibration: Path = Path("calibration/confidence.yaml")  # written by `make calibrate`


class FieldRule(_Strict):
    threshold: float | None = None
    audit_share: float | None = None


class Review(_Strict):
    threshold: float = 0.8
    audit_share: float = 0.02
    audit_seed: int = 2007
    required: list[str] = Field(default_factory=list)
    fields: dict[str, FieldRule] = Field(default_factory=dict)

    def threshold_for(self, field: str) -> float:
        rule = self.fields.get(field)
        return rule.threshold if rule and rule.threshold is not None else self.threshold

    def audit_share_for(self, field: str) -> float:
        rule = self.fields.get(field)
        return rule.audit_share if rule and rule.audit_share is not None else self.audit_share


class Corrections(_Strict):
    url: str = "sqlite:///normalized/corrections.sqlite"


class Reader(_Strict):
    max_file_mb: float = 50
    # limits enforced in the worker that reads a file: a file over one fails with its reason, the batch goes on
    max_pages: int = 500  # pages of one document (PDF, TIFF)
    max_decompressed_mb: float = 300  # what a file's compressed streams (PDF, zip containers) inflate to
    max_seconds: float = 300  # wall time to read one file through every stage
    ocr: bool = True
    ocr_languages: str = "eng+fra+deu+rus+spa+ita"


class Ingest(_Strict):
    runner: str = "process"
    workers: int = 2
    retries: int = 2
    retry_delay_seconds: float = 1


class Years(_Strict):
    min: int = 1950
    max: int = 2035


class Reviewers(_Strict):
    """The review app and what reviewers may save."""

    years: Years = Years()  # a year or date outside [min, max] is refused (app, its API, Excel import)
    second_pass: bool = False  # an approver confirms each correction before it is published
    session_hours: float = 12  # a sign-in lasts this long
    tls_certfile: Path | None = None  # serve HTTPS (needed to bind beyond 127.0.0.1 ...)
    tls_keyfile: Path | None = None
    behind_proxy: bool = False  # ... unless a TLS-terminating proxy stands in front


class Cycles(_Strict):
    """Survey cycles: which folders of raw/ hold one cycle's returns (questionnaire_returns/write/ledger.py)."""

    folder: str = r"(19|20)\d\d"  # a folder whose whole name matches is a cycle: raw/2007/, raw/2009/
    default: str = ""  # the cycle of a file in no such folder
    # replies of one country in one folder dated more than this apart, neither named a revision of the other,
    # answer different survey rounds: each is current, in a cycle named by its year (0: never split)
    round_gap_days: int = Field(default=365, ge=0)


class Duplicates(_Strict):
    """Which of identical copies is the original (questionnaire_returns/write/ledger.py)."""

    # words of a copy's name ("Copy_of_X", "X_KOPIE", "X_reinvio"): the copy, never the original (config.yaml)
    copy_words: list[str] = []


class ReportSettings(_Strict):
    """The summary report (questionnaire_returns/report/)."""

    review_url: str = "http://127.0.0.1:8765"  # the review app the compilation links each answer to ('' for none)
    after_ingest: bool = True  # rebuild the report at the end of every ingest run


class Schedule(_Strict):
    cron: str = "*/10 * * * *"
    timezone: str = "UTC"  # the cron's time zone (an IANA name: Europe/Vienna)
    poll_seconds: int = 30  # unused: file arrival is a Prefect event now (flows/schedule.py); kept so older configs load


class Settings(_Strict):
    paths: Paths = Paths()
    languages: list[str] = ["en", "fr", "de", "ru", "es", "it"]
    review: Review = Review()
    corrections: Corrections = Corrections()
    reader: Reader = Reader()
    ingest: Ingest = Ingest()
    schedule: Schedule = Schedule()
    reviewers: Reviewers = Reviewers()
    cycles: Cycles = Cycles()
    duplicates: Duplicates = Duplicates()
    report: ReportSettings = ReportSettings()
    base: Path = Path(".")  # the folder config.yaml is in; relative paths start there

    def path(self, name: str) -> Path:
        value: Path = getattr(self.paths, "schema_" if name == "schema" else name)
        return value if value.is_absolute() else (self.base / value).resolve()

    @property
    def corrections_url(self) -> str:
        url = self.corrections.url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/"):
            return prefix + str((self.base / url[len(prefix):]).resolve())
        return url


def load_settings(path: Path | None = None) -> Settings:
    """Read config.yaml (RETURNS_CONFIG, else the project's own) and validate it."""
    path = Path(path or os.environ.get("RETURNS_CONFIG") or project_root() / "config.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        settings = Settings.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    return settings.model_copy(update={"base": path.resolve().parent})


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load_settings()
