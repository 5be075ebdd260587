module example.com/seedfixed

go 1.26
