package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

func main() {
	// 시작 시점의 고루틴 개수 저장
	startingGs := runtime.NumGoroutine()

	names := []string{"Anna", "Jacob", "Kell", "Carter", "Rory"}
	processRecords(names)

	// processRecords의 내부에서 고루틴으로 호출된 worker 함수의 수행을 기다림
	time.Sleep(time.Second)

	// 종료 시점의 고루틴 개수 저장
	endingGs := runtime.NumGoroutine()

	// Report the results.
	fmt.Println("========================================")
	fmt.Println("Number of goroutines before:", startingGs)
	fmt.Println("Number of goroutines after :", endingGs)
	fmt.Println("Number of goroutines leaked:", endingGs-startingGs)
}

// 작업을 수행하는 함수
func processRecords(records []string) {
	total := len(records)
	input := make(chan string, total)
	for _, record := range records {
		input <- record
	}
	// input 채널을 닫지 않을 경우 goroutine leak이 발생
	// close(input)

	output := make(chan string, total)
	// CPU 개수만큼 workers 개수 저장
	workers := runtime.NumCPU()
	for i := 0; i < workers; i++ {
		// 이 부분에서 memory leak 발생
		go worker(i, input, output)
	}
	for i := 0; i < total; i++ {
		result := <-output
		fmt.Printf("[result  ]: output %s\n", result)
	}
}

func worker(id int, input <-chan string, output chan<- string) {
	// input채널은 buffered channel이므로 buffer 크기만큼 무한 대기
	for v := range input {
		fmt.Printf("[worker %d]: input %s\n", id, v)
		output <- strings.ToUpper(v)
	}
	fmt.Printf("[worker %d]: shutting down\n", id)
}
