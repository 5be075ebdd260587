module example.com/leakfix

go 1.26
