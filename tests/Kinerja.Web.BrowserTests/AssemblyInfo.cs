// one Chromium and one app at a time: the machine has two cores
[assembly: CollectionBehavior(DisableTestParallelization = true)]
