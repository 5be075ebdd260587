package budget

//oracle:skip its tests lower the size budget below these functions, which a run cannot do: nothing here leaks

// dispatch has more blocks than the budget of the test: it is named, so
// that the user knows its leaks, if any, are not reported.
func dispatch(op int, ticks chan int) { // want `^dispatch is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
	switch op {
	case 0:
		ticks <- 0
	case 1:
		ticks <- 1
	case 2:
		ticks <- 2
	case 3:
		ticks <- 3
	case 4:
		ticks <- 4
	case 5:
		ticks <- 5
	case 6:
		ticks <- 6
	case 7:
		ticks <- 7
	case 8:
		ticks <- 8
	case 9:
		ticks <- 9
	case 10:
		ticks <- 10
	case 11:
		ticks <- 11
	case 12:
		ticks <- 12
	case 13:
		ticks <- 13
	case 14:
		ticks <- 14
	case 15:
		ticks <- 15
	case 16:
		ticks <- 16
	case 17:
		ticks <- 17
	case 18:
		ticks <- 18
	case 19:
		ticks <- 19
	case 20:
		ticks <- 20
	case 21:
		ticks <- 21
	case 22:
		ticks <- 22
	case 23:
		ticks <- 23
	case 24:
		ticks <- 24
	case 25:
		ticks <- 25
	case 26:
		ticks <- 26
	case 27:
		ticks <- 27
	case 28:
		ticks <- 28
	case 29:
		ticks <- 29
	case 30:
		ticks <- 30
	case 31:
		ticks <- 31
	case 32:
		ticks <- 32
	case 33:
		ticks <- 33
	case 34:
		ticks <- 34
	case 35:
		ticks <- 35
	case 36:
		ticks <- 36
	case 37:
		ticks <- 37
	case 38:
		ticks <- 38
	case 39:
		ticks <- 39
	case 40:
		ticks <- 40
	case 41:
		ticks <- 41
	case 42:
		ticks <- 42
	case 43:
		ticks <- 43
	case 44:
		ticks <- 44
	case 45:
		ticks <- 45
	case 46:
		ticks <- 46
	case 47:
		ticks <- 47
	case 48:
		ticks <- 48
	case 49:
		ticks <- 49
	case 50:
		ticks <- 50
	case 51:
		ticks <- 51
	case 52:
		ticks <- 52
	case 53:
		ticks <- 53
	case 54:
		ticks <- 54
	case 55:
		ticks <- 55
	case 56:
		ticks <- 56
	case 57:
		ticks <- 57
	case 58:
		ticks <- 58
	case 59:
		ticks <- 59
	case 60:
		ticks <- 60
	case 61:
		ticks <- 61
	case 62:
		ticks <- 62
	case 63:
		ticks <- 63
	case 64:
		ticks <- 64
	case 65:
		ticks <- 65
	case 66:
		ticks <- 66
	case 67:
		ticks <- 67
	case 68:
		ticks <- 68
	case 69:
		ticks <- 69
	case 70:
		ticks <- 70
	case 71:
		ticks <- 71
	case 72:
		ticks <- 72
	case 73:
		ticks <- 73
	case 74:
		ticks <- 74
	case 75:
		ticks <- 75
	case 76:
		ticks <- 76
	case 77:
		ticks <- 77
	case 78:
		ticks <- 78
	case 79:
		ticks <- 79
	case 80:
		ticks <- 80
	case 81:
		ticks <- 81
	case 82:
		ticks <- 82
	case 83:
		ticks <- 83
	case 84:
		ticks <- 84
	case 85:
		ticks <- 85
	case 86:
		ticks <- 86
	case 87:
		ticks <- 87
	case 88:
		ticks <- 88
	case 89:
		ticks <- 89
	case 90:
		ticks <- 90
	case 91:
		ticks <- 91
	case 92:
		ticks <- 92
	case 93:
		ticks <- 93
	case 94:
		ticks <- 94
	case 95:
		ticks <- 95
	case 96:
		ticks <- 96
	case 97:
		ticks <- 97
	case 98:
		ticks <- 98
	case 99:
		ticks <- 99
	case 100:
		ticks <- 100
	case 101:
		ticks <- 101
	case 102:
		ticks <- 102
	case 103:
		ticks <- 103
	case 104:
		ticks <- 104
	case 105:
		ticks <- 105
	case 106:
		ticks <- 106
	case 107:
		ticks <- 107
	case 108:
		ticks <- 108
	case 109:
		ticks <- 109
	case 110:
		ticks <- 110
	case 111:
		ticks <- 111
	case 112:
		ticks <- 112
	case 113:
		ticks <- 113
	case 114:
		ticks <- 114
	case 115:
		ticks <- 115
	case 116:
		ticks <- 116
	case 117:
		ticks <- 117
	case 118:
		ticks <- 118
	case 119:
		ticks <- 119
	case 120:
		ticks <- 120
	case 121:
		ticks <- 121
	case 122:
		ticks <- 122
	case 123:
		ticks <- 123
	case 124:
		ticks <- 124
	case 125:
		ticks <- 125
	case 126:
		ticks <- 126
	case 127:
		ticks <- 127
	case 128:
		ticks <- 128
	case 129:
		ticks <- 129
	case 130:
		ticks <- 130
	case 131:
		ticks <- 131
	case 132:
		ticks <- 132
	case 133:
		ticks <- 133
	case 134:
		ticks <- 134
	case 135:
		ticks <- 135
	case 136:
		ticks <- 136
	case 137:
		ticks <- 137
	case 138:
		ticks <- 138
	case 139:
		ticks <- 139
	case 140:
		ticks <- 140
	case 141:
		ticks <- 141
	case 142:
		ticks <- 142
	case 143:
		ticks <- 143
	case 144:
		ticks <- 144
	case 145:
		ticks <- 145
	case 146:
		ticks <- 146
	case 147:
		ticks <- 147
	case 148:
		ticks <- 148
	case 149:
		ticks <- 149
	}
}

type machine struct{ ticks chan int }

// A method is named with its receiver.
func (m *machine) step(op int) { // want `^\(\*machine\).step is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
	ticks := m.ticks
	switch op {
	case 0:
		ticks <- 0
	case 1:
		ticks <- 1
	case 2:
		ticks <- 2
	case 3:
		ticks <- 3
	case 4:
		ticks <- 4
	case 5:
		ticks <- 5
	case 6:
		ticks <- 6
	case 7:
		ticks <- 7
	case 8:
		ticks <- 8
	case 9:
		ticks <- 9
	case 10:
		ticks <- 10
	case 11:
		ticks <- 11
	case 12:
		ticks <- 12
	case 13:
		ticks <- 13
	case 14:
		ticks <- 14
	case 15:
		ticks <- 15
	case 16:
		ticks <- 16
	case 17:
		ticks <- 17
	case 18:
		ticks <- 18
	case 19:
		ticks <- 19
	case 20:
		ticks <- 20
	case 21:
		ticks <- 21
	case 22:
		ticks <- 22
	case 23:
		ticks <- 23
	case 24:
		ticks <- 24
	case 25:
		ticks <- 25
	case 26:
		ticks <- 26
	case 27:
		ticks <- 27
	case 28:
		ticks <- 28
	case 29:
		ticks <- 29
	case 30:
		ticks <- 30
	case 31:
		ticks <- 31
	case 32:
		ticks <- 32
	case 33:
		ticks <- 33
	case 34:
		ticks <- 34
	case 35:
		ticks <- 35
	case 36:
		ticks <- 36
	case 37:
		ticks <- 37
	case 38:
		ticks <- 38
	case 39:
		ticks <- 39
	case 40:
		ticks <- 40
	case 41:
		ticks <- 41
	case 42:
		ticks <- 42
	case 43:
		ticks <- 43
	case 44:
		ticks <- 44
	case 45:
		ticks <- 45
	case 46:
		ticks <- 46
	case 47:
		ticks <- 47
	case 48:
		ticks <- 48
	case 49:
		ticks <- 49
	case 50:
		ticks <- 50
	case 51:
		ticks <- 51
	case 52:
		ticks <- 52
	case 53:
		ticks <- 53
	case 54:
		ticks <- 54
	case 55:
		ticks <- 55
	case 56:
		ticks <- 56
	case 57:
		ticks <- 57
	case 58:
		ticks <- 58
	case 59:
		ticks <- 59
	case 60:
		ticks <- 60
	case 61:
		ticks <- 61
	case 62:
		ticks <- 62
	case 63:
		ticks <- 63
	case 64:
		ticks <- 64
	case 65:
		ticks <- 65
	case 66:
		ticks <- 66
	case 67:
		ticks <- 67
	case 68:
		ticks <- 68
	case 69:
		ticks <- 69
	case 70:
		ticks <- 70
	case 71:
		ticks <- 71
	case 72:
		ticks <- 72
	case 73:
		ticks <- 73
	case 74:
		ticks <- 74
	case 75:
		ticks <- 75
	case 76:
		ticks <- 76
	case 77:
		ticks <- 77
	case 78:
		ticks <- 78
	case 79:
		ticks <- 79
	case 80:
		ticks <- 80
	case 81:
		ticks <- 81
	case 82:
		ticks <- 82
	case 83:
		ticks <- 83
	case 84:
		ticks <- 84
	case 85:
		ticks <- 85
	case 86:
		ticks <- 86
	case 87:
		ticks <- 87
	case 88:
		ticks <- 88
	case 89:
		ticks <- 89
	case 90:
		ticks <- 90
	case 91:
		ticks <- 91
	case 92:
		ticks <- 92
	case 93:
		ticks <- 93
	case 94:
		ticks <- 94
	case 95:
		ticks <- 95
	case 96:
		ticks <- 96
	case 97:
		ticks <- 97
	case 98:
		ticks <- 98
	case 99:
		ticks <- 99
	case 100:
		ticks <- 100
	case 101:
		ticks <- 101
	case 102:
		ticks <- 102
	case 103:
		ticks <- 103
	case 104:
		ticks <- 104
	case 105:
		ticks <- 105
	case 106:
		ticks <- 106
	case 107:
		ticks <- 107
	case 108:
		ticks <- 108
	case 109:
		ticks <- 109
	case 110:
		ticks <- 110
	case 111:
		ticks <- 111
	case 112:
		ticks <- 112
	case 113:
		ticks <- 113
	case 114:
		ticks <- 114
	case 115:
		ticks <- 115
	case 116:
		ticks <- 116
	case 117:
		ticks <- 117
	case 118:
		ticks <- 118
	case 119:
		ticks <- 119
	case 120:
		ticks <- 120
	case 121:
		ticks <- 121
	case 122:
		ticks <- 122
	case 123:
		ticks <- 123
	case 124:
		ticks <- 124
	case 125:
		ticks <- 125
	case 126:
		ticks <- 126
	case 127:
		ticks <- 127
	case 128:
		ticks <- 128
	case 129:
		ticks <- 129
	case 130:
		ticks <- 130
	case 131:
		ticks <- 131
	case 132:
		ticks <- 132
	case 133:
		ticks <- 133
	case 134:
		ticks <- 134
	case 135:
		ticks <- 135
	case 136:
		ticks <- 136
	case 137:
		ticks <- 137
	case 138:
		ticks <- 138
	case 139:
		ticks <- 139
	case 140:
		ticks <- 140
	case 141:
		ticks <- 141
	case 142:
		ticks <- 142
	case 143:
		ticks <- 143
	case 144:
		ticks <- 144
	case 145:
		ticks <- 145
	case 146:
		ticks <- 146
	case 147:
		ticks <- 147
	case 148:
		ticks <- 148
	case 149:
		ticks <- 149
	}
}

// A function literal is named by the function it is in; the function
// itself is small.
func handler() func(int, chan int) {
	return func(op int, ticks chan int) { // want `^the func literal in handler is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
		switch op {
		case 0:
			ticks <- 0
		case 1:
			ticks <- 1
		case 2:
			ticks <- 2
		case 3:
			ticks <- 3
		case 4:
			ticks <- 4
		case 5:
			ticks <- 5
		case 6:
			ticks <- 6
		case 7:
			ticks <- 7
		case 8:
			ticks <- 8
		case 9:
			ticks <- 9
		case 10:
			ticks <- 10
		case 11:
			ticks <- 11
		case 12:
			ticks <- 12
		case 13:
			ticks <- 13
		case 14:
			ticks <- 14
		case 15:
			ticks <- 15
		case 16:
			ticks <- 16
		case 17:
			ticks <- 17
		case 18:
			ticks <- 18
		case 19:
			ticks <- 19
		case 20:
			ticks <- 20
		case 21:
			ticks <- 21
		case 22:
			ticks <- 22
		case 23:
			ticks <- 23
		case 24:
			ticks <- 24
		case 25:
			ticks <- 25
		case 26:
			ticks <- 26
		case 27:
			ticks <- 27
		case 28:
			ticks <- 28
		case 29:
			ticks <- 29
		case 30:
			ticks <- 30
		case 31:
			ticks <- 31
		case 32:
			ticks <- 32
		case 33:
			ticks <- 33
		case 34:
			ticks <- 34
		case 35:
			ticks <- 35
		case 36:
			ticks <- 36
		case 37:
			ticks <- 37
		case 38:
			ticks <- 38
		case 39:
			ticks <- 39
		case 40:
			ticks <- 40
		case 41:
			ticks <- 41
		case 42:
			ticks <- 42
		case 43:
			ticks <- 43
		case 44:
			ticks <- 44
		case 45:
			ticks <- 45
		case 46:
			ticks <- 46
		case 47:
			ticks <- 47
		case 48:
			ticks <- 48
		case 49:
			ticks <- 49
		case 50:
			ticks <- 50
		case 51:
			ticks <- 51
		case 52:
			ticks <- 52
		case 53:
			ticks <- 53
		case 54:
			ticks <- 54
		case 55:
			ticks <- 55
		case 56:
			ticks <- 56
		case 57:
			ticks <- 57
		case 58:
			ticks <- 58
		case 59:
			ticks <- 59
		case 60:
			ticks <- 60
		case 61:
			ticks <- 61
		case 62:
			ticks <- 62
		case 63:
			ticks <- 63
		case 64:
			ticks <- 64
		case 65:
			ticks <- 65
		case 66:
			ticks <- 66
		case 67:
			ticks <- 67
		case 68:
			ticks <- 68
		case 69:
			ticks <- 69
		case 70:
			ticks <- 70
		case 71:
			ticks <- 71
		case 72:
			ticks <- 72
		case 73:
			ticks <- 73
		case 74:
			ticks <- 74
		case 75:
			ticks <- 75
		case 76:
			ticks <- 76
		case 77:
			ticks <- 77
		case 78:
			ticks <- 78
		case 79:
			ticks <- 79
		case 80:
			ticks <- 80
		case 81:
			ticks <- 81
		case 82:
			ticks <- 82
		case 83:
			ticks <- 83
		case 84:
			ticks <- 84
		case 85:
			ticks <- 85
		case 86:
			ticks <- 86
		case 87:
			ticks <- 87
		case 88:
			ticks <- 88
		case 89:
			ticks <- 89
		case 90:
			ticks <- 90
		case 91:
			ticks <- 91
		case 92:
			ticks <- 92
		case 93:
			ticks <- 93
		case 94:
			ticks <- 94
		case 95:
			ticks <- 95
		case 96:
			ticks <- 96
		case 97:
			ticks <- 97
		case 98:
			ticks <- 98
		case 99:
			ticks <- 99
		case 100:
			ticks <- 100
		case 101:
			ticks <- 101
		case 102:
			ticks <- 102
		case 103:
			ticks <- 103
		case 104:
			ticks <- 104
		case 105:
			ticks <- 105
		case 106:
			ticks <- 106
		case 107:
			ticks <- 107
		case 108:
			ticks <- 108
		case 109:
			ticks <- 109
		case 110:
			ticks <- 110
		case 111:
			ticks <- 111
		case 112:
			ticks <- 112
		case 113:
			ticks <- 113
		case 114:
			ticks <- 114
		case 115:
			ticks <- 115
		case 116:
			ticks <- 116
		case 117:
			ticks <- 117
		case 118:
			ticks <- 118
		case 119:
			ticks <- 119
		case 120:
			ticks <- 120
		case 121:
			ticks <- 121
		case 122:
			ticks <- 122
		case 123:
			ticks <- 123
		case 124:
			ticks <- 124
		case 125:
			ticks <- 125
		case 126:
			ticks <- 126
		case 127:
			ticks <- 127
		case 128:
			ticks <- 128
		case 129:
			ticks <- 129
		case 130:
			ticks <- 130
		case 131:
			ticks <- 131
		case 132:
			ticks <- 132
		case 133:
			ticks <- 133
		case 134:
			ticks <- 134
		case 135:
			ticks <- 135
		case 136:
			ticks <- 136
		case 137:
			ticks <- 137
		case 138:
			ticks <- 138
		case 139:
			ticks <- 139
		case 140:
			ticks <- 140
		case 141:
			ticks <- 141
		case 142:
			ticks <- 142
		case 143:
			ticks <- 143
		case 144:
			ticks <- 144
		case 145:
			ticks <- 145
		case 146:
			ticks <- 146
		case 147:
			ticks <- 147
		case 148:
			ticks <- 148
		case 149:
			ticks <- 149
		}
	}
}

// A directive silences the report, as it does a finding.
//
//leakvet:ignore budget a table of opcodes, checked by its generator
func generated(op int, ticks chan int) {
	switch op {
	case 0:
		ticks <- 0
	case 1:
		ticks <- 1
	case 2:
		ticks <- 2
	case 3:
		ticks <- 3
	case 4:
		ticks <- 4
	case 5:
		ticks <- 5
	case 6:
		ticks <- 6
	case 7:
		ticks <- 7
	case 8:
		ticks <- 8
	case 9:
		ticks <- 9
	case 10:
		ticks <- 10
	case 11:
		ticks <- 11
	case 12:
		ticks <- 12
	case 13:
		ticks <- 13
	case 14:
		ticks <- 14
	case 15:
		ticks <- 15
	case 16:
		ticks <- 16
	case 17:
		ticks <- 17
	case 18:
		ticks <- 18
	case 19:
		ticks <- 19
	case 20:
		ticks <- 20
	case 21:
		ticks <- 21
	case 22:
		ticks <- 22
	case 23:
		ticks <- 23
	case 24:
		ticks <- 24
	case 25:
		ticks <- 25
	case 26:
		ticks <- 26
	case 27:
		ticks <- 27
	case 28:
		ticks <- 28
	case 29:
		ticks <- 29
	case 30:
		ticks <- 30
	case 31:
		ticks <- 31
	case 32:
		ticks <- 32
	case 33:
		ticks <- 33
	case 34:
		ticks <- 34
	case 35:
		ticks <- 35
	case 36:
		ticks <- 36
	case 37:
		ticks <- 37
	case 38:
		ticks <- 38
	case 39:
		ticks <- 39
	case 40:
		ticks <- 40
	case 41:
		ticks <- 41
	case 42:
		ticks <- 42
	case 43:
		ticks <- 43
	case 44:
		ticks <- 44
	case 45:
		ticks <- 45
	case 46:
		ticks <- 46
	case 47:
		ticks <- 47
	case 48:
		ticks <- 48
	case 49:
		ticks <- 49
	case 50:
		ticks <- 50
	case 51:
		ticks <- 51
	case 52:
		ticks <- 52
	case 53:
		ticks <- 53
	case 54:
		ticks <- 54
	case 55:
		ticks <- 55
	case 56:
		ticks <- 56
	case 57:
		ticks <- 57
	case 58:
		ticks <- 58
	case 59:
		ticks <- 59
	case 60:
		ticks <- 60
	case 61:
		ticks <- 61
	case 62:
		ticks <- 62
	case 63:
		ticks <- 63
	case 64:
		ticks <- 64
	case 65:
		ticks <- 65
	case 66:
		ticks <- 66
	case 67:
		ticks <- 67
	case 68:
		ticks <- 68
	case 69:
		ticks <- 69
	case 70:
		ticks <- 70
	case 71:
		ticks <- 71
	case 72:
		ticks <- 72
	case 73:
		ticks <- 73
	case 74:
		ticks <- 74
	case 75:
		ticks <- 75
	case 76:
		ticks <- 76
	case 77:
		ticks <- 77
	case 78:
		ticks <- 78
	case 79:
		ticks <- 79
	case 80:
		ticks <- 80
	case 81:
		ticks <- 81
	case 82:
		ticks <- 82
	case 83:
		ticks <- 83
	case 84:
		ticks <- 84
	case 85:
		ticks <- 85
	case 86:
		ticks <- 86
	case 87:
		ticks <- 87
	case 88:
		ticks <- 88
	case 89:
		ticks <- 89
	case 90:
		ticks <- 90
	case 91:
		ticks <- 91
	case 92:
		ticks <- 92
	case 93:
		ticks <- 93
	case 94:
		ticks <- 94
	case 95:
		ticks <- 95
	case 96:
		ticks <- 96
	case 97:
		ticks <- 97
	case 98:
		ticks <- 98
	case 99:
		ticks <- 99
	case 100:
		ticks <- 100
	case 101:
		ticks <- 101
	case 102:
		ticks <- 102
	case 103:
		ticks <- 103
	case 104:
		ticks <- 104
	case 105:
		ticks <- 105
	case 106:
		ticks <- 106
	case 107:
		ticks <- 107
	case 108:
		ticks <- 108
	case 109:
		ticks <- 109
	case 110:
		ticks <- 110
	case 111:
		ticks <- 111
	case 112:
		ticks <- 112
	case 113:
		ticks <- 113
	case 114:
		ticks <- 114
	case 115:
		ticks <- 115
	case 116:
		ticks <- 116
	case 117:
		ticks <- 117
	case 118:
		ticks <- 118
	case 119:
		ticks <- 119
	case 120:
		ticks <- 120
	case 121:
		ticks <- 121
	case 122:
		ticks <- 122
	case 123:
		ticks <- 123
	case 124:
		ticks <- 124
	case 125:
		ticks <- 125
	case 126:
		ticks <- 126
	case 127:
		ticks <- 127
	case 128:
		ticks <- 128
	case 129:
		ticks <- 129
	case 130:
		ticks <- 130
	case 131:
		ticks <- 131
	case 132:
		ticks <- 132
	case 133:
		ticks <- 133
	case 134:
		ticks <- 134
	case 135:
		ticks <- 135
	case 136:
		ticks <- 136
	case 137:
		ticks <- 137
	case 138:
		ticks <- 138
	case 139:
		ticks <- 139
	case 140:
		ticks <- 140
	case 141:
		ticks <- 141
	case 142:
		ticks <- 142
	case 143:
		ticks <- 143
	case 144:
		ticks <- 144
	case 145:
		ticks <- 145
	case 146:
		ticks <- 146
	case 147:
		ticks <- 147
	case 148:
		ticks <- 148
	case 149:
		ticks <- 149
	}
}

// loops has its blocks from loops, conditions and && and ||.
func loops(n int, ticks chan int) { // want `^loops is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
	for i := 0; i < n; i++ {
		if i > 0 && i < n-0 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 1 && i < n-1 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 2 && i < n-2 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 3 && i < n-3 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 4 && i < n-4 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 5 && i < n-5 || i == 0 {
			ticks <- i
		}
	}
}

// small is within the budget: nothing to say.
func small(op int, ticks chan int) {
	switch op {
	case 0:
		ticks <- 0
	case 1:
		close(ticks)
	}
}
