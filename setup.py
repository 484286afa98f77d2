"""Build and install lanman for Python: the C core plus the SWIG wrapper.

SWIG runs at build time (generated wrappers are never committed).  Works
offline: `pip install --no-build-isolation .` with Debian's setuptools.
On Linux the core links Samba's libnetapi (pkg-config netapi); on Windows
it links netapi32 and needs no pkg-config.
"""
import os
import shlex
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
CORE = sorted(os.path.join("csrc", f) for f in os.listdir(os.path.join(HERE, "csrc"))
              if f.endswith(".c"))


# Samba's SAMR/LSA clients (csrc/samr_*.c): linked only, see the Makefile.
RPC_PKGS = ("dcerpc", "ndr_standard", "samba-credentials", "samba-hostconfig")
RPC_PKGS += ("nettle",)   # NetUserChangePassword's crypto (csrc/samr_user.c)


def pkg_config(*args):
    out = subprocess.run(["pkg-config", *args, "netapi", "talloc"], check=True,
                         capture_output=True, text=True).stdout
    return shlex.split(out)


class BuildWithSwig(build_ext):
    """Generates the Python wrapper from swig/lanman.i into build_temp."""

    def run(self):
        os.makedirs(self.build_temp, exist_ok=True)
        wrapper = os.path.join(self.build_temp, "lanman_core_wrap.c")
        subprocess.run([os.environ.get("SWIG", "swig"), "-python", "-Icsrc", "-Iswig",
                        "-outdir", self.build_temp, "-o", wrapper, "swig/lanman.i"],
                       check=True, cwd=HERE)
        for ext in self.extensions:
            ext.sources = [wrapper] + [s for s in ext.sources if not s.endswith(".i")]
        super().run()


if sys.platform == "win32":
    link = dict(libraries=["netapi32", "mpr"], extra_compile_args=[], extra_link_args=[])
else:
    flags = pkg_config("--cflags")
    link = dict(extra_compile_args=["-std=c11"] + flags,
                extra_link_args=pkg_config("--libs", *RPC_PKGS))

core = Extension("lanman._lanman_core", sources=["swig/lanman.i"] + CORE,
                 include_dirs=["csrc"], **link)

setup(
    name="lanman",
    version="0.1.0",
    description="The Windows Network Management API (NetApi) for Python and Lua, "
                "on Samba's libnetapi and Windows' netapi32",
    package_dir={"": "python"},
    packages=["lanman"],
    package_data={"lanman": ["py.typed", "*.pyi"]},
    ext_modules=[core],
    cmdclass={"build_ext": BuildWithSwig},
    # LANMAN_BUILD_DIR keeps parallel builds of one checkout apart.
    options={"build": {"build_base": os.environ.get("LANMAN_BUILD_DIR", "build")}},
    python_requires=">=3.9",
    entry_points={"console_scripts": ["lanman = lanman.cli:main"]},
)
