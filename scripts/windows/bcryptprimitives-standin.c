/* Test environment only, never shipped or installed on a real Windows machine.
 *
 * Rust's standard library asks bcryptprimitives.dll for ProcessPrng (random bytes for hash maps
 * and temporary file names); every supported Windows has it, but Debian's Wine 8 does not. This
 * one-function stand-in, copied into the Wine prefix by scripts/windows-smoke.sh, answers with
 * RtlGenRandom (advapi32's SystemFunction036), which Wine does have. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
