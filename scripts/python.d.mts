/**
 * Path or command name of a Python that can `import numpy`, or undefined. With `install`, installs numpy
 * (apt-get python3-numpy as root on Debian, else pip --user). See python.mjs.
 */
export declare function findNumpyPython(options?: { install?: boolean }): string | undefined
