"""`pantau eval-sentiment --data FILE [--task sentiment|emotion] [--json]`: score a labelled file."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pantau.lib.textclass.datasets import READERS
from pantau.lib.textclass.model import evaluate
from pantau.opinion import sentiment


class Command(BaseCommand):
    help = ("Score the active sentiment (SmSA format: text<TAB>label) or emotion model (EmoT format: "
            "CSV label,tweet with header) on a labelled file; prints macro-F1 and per-class F1.")

    def add_arguments(self, parser):
        parser.add_argument("--data", required=True, type=Path, help="labelled file")
        parser.add_argument("--task", choices=sentiment.TASKS, default="sentiment")
        parser.add_argument("--model", dest="model_version", help="a stored model version instead of the active one")
        parser.add_argument("--json", action="store_true", help="print one JSON document")

    def handle(self, *args, **options):
        task = options["task"]
        try:
            texts, labels = READERS[task](options["data"])
        except FileNotFoundError:
            raise CommandError(f"{options['data']}: file not found", returncode=1) from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(str(exc), returncode=1) from None
        if not texts:
            raise CommandError(f"{options['data']}: no labelled rows", returncode=1)
        report = evaluate(self._model(task, options.get("model_version")), texts, labels)
        if options["json"]:
            self.stdout.write(json.dumps(report))
            return
        self.stdout.write(f"{task}: n={report['n']} macro-F1={report['macro_f1']:.4f} "
                          f"({report['texts_per_second']:.0f} texts/s)")
        for label, f1 in report["per_class"].items():
            self.stdout.write(f"  {label:10s} F1={f1:.4f}")

    def _model(self, task, version):
        if not version:
            return sentiment.classifier(task)
        from pantau.lib.textclass.model import load

        path = sentiment.model_path(task, version)
        if not path.is_file():
            raise CommandError(f"model version {version} not found in {sentiment.models_dir()}", returncode=1)
        return load(path)
