"""`pantau train-sentiment`: retrain with analysts' corrections, keep the previous model."""

import json

from django.core.management.base import BaseCommand, CommandError

from pantau.opinion import sentiment


class Command(BaseCommand):
    help = ("Retrain the sentiment model on SmSA plus the analysts' corrections; the previous model is "
            "kept. Prints old and new scores on the validation split. --list shows stored versions, "
            "--use VERSION switches back (\"committed\" = the model shipped with Pantau).")

    def add_arguments(self, parser):
        parser.add_argument("--task", choices=sentiment.TASKS, default="sentiment")
        parser.add_argument("--no-activate", action="store_true", help="store the new model without using it")
        parser.add_argument("--list", action="store_true", help="list stored versions")
        parser.add_argument("--use", metavar="VERSION", help="activate a stored version")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        task = options["task"]
        if options["use"]:
            try:
                sentiment.activate(task, options["use"])
            except FileNotFoundError:
                raise CommandError(f"model version {options['use']} not found in "
                                   f"{sentiment.models_dir()}", returncode=1) from None
            return self._print({"task": task, "active": sentiment.active_version(task)}, options)
        if options["list"]:
            return self._print({"task": task, "versions": sentiment.versions(task)}, options)
        try:
            result = sentiment.retrain(task, activate_new=not options["no_activate"])
        except FileNotFoundError:
            raise CommandError("The labelled training data (../shared/data or PANTAU_TRAINING_DATA) is "
                               "absent: nothing trained, the current model stays.", returncode=1) from None
        self._print(result, options)

    def _print(self, result, options):
        if options["json"]:
            self.stdout.write(json.dumps(result, default=str))
            return
        if "old" in result:
            for which in ("old", "new"):
                r = result[which]
                self.stdout.write(f"{which}: {r['version']} macro-F1={r['macro_f1']:.4f} "
                                  + " ".join(f"{k}={v:.3f}" for k, v in r["per_class"].items()))
            self.stdout.write(f"corrections used: {result['n_corrections']}; active: {result['active']}")
        elif "versions" in result:
            for v in result["versions"]:
                mark = "*" if v["active"] else " "
                self.stdout.write(f"{mark} {v['version']} valid macro-F1={v['valid_macro_f1']} "
                                  f"corrections={v['n_corrections']}")
        else:
            self.stdout.write(f"active: {result['active']}")
