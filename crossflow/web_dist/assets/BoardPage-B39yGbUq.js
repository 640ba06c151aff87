const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-kxirSzhJ.js","assets/index-CwwjGBzP.js","assets/index-CUDq8esg.css"])))=>i.map(i=>d[i]);
import{At as e,Br as t,Er as n,Ur as r,_ as i,c as a,k as o,l as s,o as c,r as l,t as u,u as d,v as f}from"./index-CwwjGBzP.js";import{t as p}from"./space-BlmAVS_l.js";import{n as m,r as h,t as g}from"./colours-BkWlOnDV.js";import{t as _}from"./download-D6vG2z32.js";var v=r(t(),1),y=l(),b=(0,v.lazy)(()=>u(()=>import(`./BarChart-kxirSzhJ.js`),__vite__mapDeps([0,1,2]))),x=a(`
  query DepartmentBoard {
    reports {
      tasksByStatus {
        departmentCode
        departmentName
        status
        count
      }
      overdueByDepartment {
        departmentCode
        departmentName
        tasks
        overdue
        completedLate
        completedOnTime
        notYetDue
        overdueRate
      }
    }
  }
`);function S({name:t}){let{t:n}=s(),r=_();return(0,y.jsx)(p,{children:[`csv`,`xlsx`].map(i=>(0,y.jsx)(e,{size:`small`,onClick:()=>void r(`/reports/${t}.${i}`),children:n(`board.download`,{format:i.toUpperCase()})},i))})}function C(){let{t:e,language:t}=s(),{data:r,error:a,loading:l}=n(x),u=(0,y.jsx)(i.Title,{level:1,style:{fontSize:22,margin:0},children:e(`nav.board`)});if(a)return(0,y.jsxs)(p,{direction:`vertical`,style:{width:`100%`},children:[u,(0,y.jsx)(f,{status:`403`,title:c(a,e,t)})]});let _=r?.reports,C=new Map;for(let e of _?.tasksByStatus??[]){let t=C.get(e.departmentCode)??{name:e.departmentName,total:0};t[e.status]=Number(t[e.status]??0)+e.count,t.total=Number(t.total)+e.count,C.set(e.departmentCode,t)}let w=[...C.values()];return(0,y.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[u,(0,y.jsxs)(o,{size:`small`,loading:l&&!_,title:e(`board.tasksByStatus`),extra:(0,y.jsx)(S,{name:`task-status-by-department`}),"data-testid":`board-status`,children:[(0,y.jsx)(v.Suspense,{fallback:null,children:(0,y.jsx)(b,{rows:w,series:m.map(t=>({key:t,label:d(e,`status`,t),colour:g[t]}))})}),(0,y.jsx)(h,{size:`small`,rowKey:`name`,pagination:!1,scroll:{x:!0},dataSource:w,columns:[{title:e(`task.department`),dataIndex:`name`},{title:e(`board.total`),dataIndex:`total`},...m.map(t=>({title:d(e,`status`,t),key:t,render:(e,n)=>n[t]??0}))]})]}),(0,y.jsx)(o,{size:`small`,loading:l&&!_,title:e(`board.overdue`),extra:(0,y.jsx)(S,{name:`overdue-by-department`}),"data-testid":`board-overdue`,children:(0,y.jsx)(h,{size:`small`,rowKey:`departmentCode`,pagination:!1,scroll:{x:!0},dataSource:_?.overdueByDepartment??[],columns:[{title:e(`task.department`),dataIndex:`departmentName`},{title:e(`board.total`),dataIndex:`tasks`},{title:e(`board.delayed`),dataIndex:`overdue`},{title:e(`board.completedLate`),dataIndex:`completedLate`},{title:e(`board.completedOnTime`),dataIndex:`completedOnTime`},{title:e(`board.overdueRate`),key:`rate`,render:(e,t)=>t.overdueRate==null?`—`:`${Math.round(t.overdueRate*100)}%`}]})})]})}export{C as default};