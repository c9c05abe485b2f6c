"""environment.yml, pyproject.toml and requirements.lock describe one environment."""
import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from analysis.config import ROOT


def lock():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip()).groups()
            pins[canonicalize_name(name)] = version
    return pins


def pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs.extend(extra)
    return [Requirement(r) for r in reqs]


def environment_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins = {}
    for item in pip:
        if "==" in item:
            name, version = item.split("==")
            pins[canonicalize_name(name)] = version
    return pins, pip


def test_every_pyproject_requirement_is_locked_within_its_range():
    pins = lock()
    for req in pyproject_requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), f"{req.name}: lock {pins[name]} outside {req.specifier}"


def test_environment_yml_pins_the_same_direct_dependencies_at_the_locked_versions():
    pins, pip = environment_pins()
    direct = {canonicalize_name(r.name) for r in pyproject_requirements()}
    assert set(pins) == direct
    locked = lock()
    for name, version in pins.items():
        assert locked[name] == version, f"{name}: environment.yml {version} != lock {locked[name]}"
    assert "-r requirements.lock" in pip and "-e ." in pip


def test_design_packages_are_present():
    assert {"jupyterlab", "pandas", "altair", "papermill", "nbval"} <= set(lock())
    assert lock()["altair"].startswith("6.")
