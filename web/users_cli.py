"""`python -m web user …`: accounts and API tokens, on the database ATLAS_DATABASE_URL names.

Passwords are read from standard input (one line), never from the command line, where `ps` and shell
history would keep them. A token is printed once; only its hash is stored.
"""
from __future__ import annotations

import argparse
import sys

from geo.store.accounts import ROLES, AccountError, Accounts
from geo.store.factory import start_store


def _password(args: argparse.Namespace) -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("password: ")
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m web user", description="accounts and API tokens")
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="add a user; the password is read from standard input")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="viewer")
    add.add_argument("--display-name", default="")
    sub.add_parser("list", help="users with role and state")
    role = sub.add_parser("role", help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    passwd = sub.add_parser("password", help="set a user's password from standard input")
    passwd.add_argument("name")
    for name, text in (("deactivate", "stop a user's sessions and tokens"), ("activate", "let a user sign in again")):
        sub.add_parser(name, help=text).add_argument("name")
    token = sub.add_parser("token", help="print a new API token for the user")
    token.add_argument("name")
    tokens = sub.add_parser("tokens", help="a user's tokens (ids, dates, revoked)")
    tokens.add_argument("name")
    revoke = sub.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("token_id", type=int)
    args = parser.parse_args(argv)
    accounts = Accounts(start_store())
    try:
        if args.command == "add":
            a = accounts.add(args.name, _password(args), args.role, args.display_name)
            print(f"added {a.login} ({a.role})")
        elif args.command == "list":
            for a in accounts.all():
                print(f"{a.login}\t{a.role}\t{'active' if a.active else 'inactive'}")
        elif args.command == "role":
            print(f"{accounts.set_role(args.name, args.role).login} is now {args.role}")
        elif args.command == "password":
            accounts.set_password(args.name, _password(args))
            print(f"password of {args.name} changed")
        elif args.command in ("deactivate", "activate"):
            a = accounts.set_active(args.name, args.command == "activate")
            print(f"{a.login} {'active' if a.active else 'inactive'}")
        elif args.command == "token":
            token_id, secret = accounts.new_token(args.name)
            print(secret)
            print(f"token {token_id} for {args.name}: shown once, keep it safe; revoke with `python -m web user revoke {token_id}`", file=sys.stderr)
        elif args.command == "tokens":
            for t in accounts.tokens(args.name):
                print(f"{t['id']}\t{t['created_at']}\t{'revoked ' + str(t['revoked_at']) if t['revoked_at'] else 'live'}")
        elif args.command == "revoke":
            if not accounts.revoke_token(args.token_id):
                print(f"error: no live token {args.token_id}", file=sys.stderr)
                return 2
            print(f"token {args.token_id} revoked")
    except AccountError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
