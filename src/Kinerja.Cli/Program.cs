using Kinerja.Cli;

using var output = StandardOutput.Open();
int exit;
try
{
    exit = await CliApp.RunAsync(args, output, Console.Error);
    output.Flush();
}
catch (StandardOutputException e)
{
    // the last buffered lines could not be written: the run did not deliver what it computed
    exit = CliApp.ReportStandardOutputFailure(e, Console.Error);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // stderr itself could not take a message (closed with 2>&-): the exit code is what is left, never an abort
    exit = CliApp.BadInput;
}

return exit;
