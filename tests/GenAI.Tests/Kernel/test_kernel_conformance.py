"""jupyter_kernel_test conformance of the genai-csharp kernel, with C# samples.

Run by KernelConformanceTests (NUnit) as:
    JUPYTER_PATH=<temp>/share/jupyter /usr/bin/python3 test_kernel_conformance.py
Prints "N passed, M failed, K skipped" as its last line.
"""
import sys
import unittest

import jupyter_kernel_test


class CSharpKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "genai-csharp"
    language_name = "csharp"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("Achtung");'
    code_generate_error = 'throw new InvalidOperationException("kaputt");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"Grüße" + "!"', "result": "Grüße!"},
    ]
    code_display_data = [
        {"code": "display(42);", "mime": "text/plain"},
    ]
    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "var zahlWert = 1; zahlW", "matches": {"zahlWert"}},
        {"text": "System.Collections.Gen", "matches": {"Generic"}},
    ]
    complete_code_samples = ["1 + 1", 'Console.WriteLine("a");', "var x = 1;", "if (true) { }"]
    incomplete_code_samples = ["if (true) {", "Console.WriteLine(", "for (int i = 0; i < 3; i++)\n{"]
    invalid_code_samples = ["Console.WriteLine(1));", "int 1x = 2;"]
    code_inspect_sample = "Console.WriteLine"
    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6*"


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(CSharpKernelTests)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    skipped = len(result.skipped)
    print(f"{result.testsRun - failed - skipped} passed, {failed} failed, {skipped} skipped")
    sys.exit(0 if result.wasSuccessful() else 1)
