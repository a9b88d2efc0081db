"""The `pantau` console script: runs any Django management command.

Commands are written with hyphens on the command line (`pantau import-lapor`), as in DESIGN.md;
Django's module names use underscores, so both spellings work.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    from django.core.management import execute_from_command_line, get_commands

    argv = list(sys.argv if argv is None else argv)
    argv[0] = "pantau"
    import django

    django.setup()  # so that get_commands() sees every app's commands
    position = 2 if len(argv) > 2 and argv[1] == "help" else 1
    if len(argv) > position and "-" in argv[position] and not argv[position].startswith("-"):
        underscored = argv[position].replace("-", "_")
        if underscored in get_commands():
            argv[position] = underscored
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
